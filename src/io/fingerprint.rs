//! What was loaded or saved, to notice when someone else changes the file on disk
//! (a colleague on a shared drive, a sync tool, a text editor), and a save that
//! refuses to overwrite such a change unless the user says so.

use super::atomic::{Fs, SaveError, WriteOptions, save_bytes_atomic_with};
use crate::model::Journey;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The size, modification time and content hash of a file as this app last saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    /// `None` where the file system does not report it.
    pub mtime: Option<SystemTime>,
    /// A 64-bit hash of the bytes (FNV-1a; for change detection, not security).
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes` that were read or written with modification time `mtime`.
    pub fn of_bytes(bytes: &[u8], mtime: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            size: bytes.len() as u64,
            mtime,
            hash: content_hash(bytes),
        }
    }

    /// Same content (size and hash), whatever the modification time says.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.size == other.size && self.hash == other.hash
    }
}

/// FNV-1a, 64 bit: stable across runs and platforms.
pub fn content_hash(bytes: &[u8]) -> u64 {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for &b in bytes {
                self.0 ^= u64::from(b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.write(bytes);
    h.finish()
}

/// How the file on disk compares with what this app last loaded or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// The same bytes (a changed modification time alone does not count).
    Unchanged,
    /// Someone else wrote different content.
    Changed,
    /// The file is gone (deleted, moved, or its drive disconnected).
    Missing,
}

/// Compare the file at `path` with `known`.
pub fn check(path: &Path, known: &Fingerprint) -> DiskState {
    check_with(&super::RealFs, path, known)
}

/// [`check`] through a given file system.
pub fn check_with(fs: &dyn Fs, path: &Path, known: &Fingerprint) -> DiskState {
    match fs.read(path) {
        Ok(bytes) => {
            if Fingerprint::of_bytes(&bytes, None).same_content(known) {
                DiskState::Unchanged
            } else {
                DiskState::Changed
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Missing,
        // Unreadable now (permissions changed, drive gone): we cannot tell that it is ours.
        Err(_) => DiskState::Changed,
    }
}

/// The fingerprint of the file at `path` as it is now.
pub fn fingerprint_file(path: &Path) -> std::io::Result<Fingerprint> {
    let bytes = std::fs::read(path)?;
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Fingerprint::of_bytes(&bytes, mtime))
}

/// How a save treats the file already on disk.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveOptions<'a> {
    /// What this app loaded or last saved at this path; `None` for a new file or Save As.
    pub expected: Option<&'a Fingerprint>,
    /// Overwrite even when the file changed on disk (the user chose "Overwrite").
    pub force: bool,
    /// Keep the previous version as `NAME.bak` beside the file.
    pub backup: bool,
    /// Replace the file even when it is read-only (the user was asked).
    pub overwrite_read_only: bool,
}

/// The backup path of a journey file: `move.journey.ron` -> `move.journey.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map_or_else(
        || std::ffi::OsString::from("journey"),
        std::ffi::OsStr::to_os_string,
    );
    name.push(".bak");
    path.with_file_name(name)
}

/// Save `journey` to `path`, refusing to overwrite a file that changed on disk since
/// `options.expected` (unless `options.force`), optionally keeping a `.bak` of the
/// previous version. Returns the fingerprint of what was written.
///
/// On any error the file on disk is as it was and no temporary file is left behind.
pub fn save_checked(
    fs: &dyn Fs,
    path: &Path,
    journey: &Journey,
    options: SaveOptions<'_>,
) -> Result<Fingerprint, SaveError> {
    let text = super::verified_text(path, journey)?;
    if let (Some(expected), false) = (options.expected, options.force) {
        let state = check_with(fs, path, expected);
        if state != DiskState::Unchanged {
            return Err(SaveError::ChangedOnDisk {
                path: path.display().to_string(),
                state,
            });
        }
    }
    if options.backup {
        match fs.read(path) {
            Ok(_) => {
                let bak = backup_path(path);
                if let Err(source) = fs.copy(path, &bak) {
                    return Err(SaveError::Backup {
                        path: bak.display().to_string(),
                        source,
                    });
                }
            }
            // Nothing to back up yet.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(SaveError::Backup {
                    path: path.display().to_string(),
                    source,
                });
            }
        }
    }
    save_bytes_atomic_with(
        fs,
        path,
        text.as_bytes(),
        WriteOptions {
            overwrite_read_only: options.overwrite_read_only,
        },
    )?;
    let mtime = fs.modified(path).ok();
    Ok(Fingerprint::of_bytes(text.as_bytes(), mtime))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn backup_path_appends_bak() {
        assert_eq!(
            backup_path(Path::new("/x/move.journey.ron")),
            PathBuf::from("/x/move.journey.ron.bak")
        );
    }

    #[test]
    fn same_content_ignores_mtime() {
        let a = Fingerprint::of_bytes(b"abc", None);
        let b = Fingerprint::of_bytes(b"abc", Some(SystemTime::UNIX_EPOCH));
        let c = Fingerprint::of_bytes(b"abd", None);
        assert!(a.same_content(&b));
        assert!(!a.same_content(&c));
    }
}
