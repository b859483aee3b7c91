//! Atomic save: write a temporary file in the target's folder, fsync it, rename it
//! over the target, fsync the folder. A failure at any step leaves the old file as
//! it was. File-system calls go through [`Fs`] so tests can inject failures.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a save failed. The old file is intact in every case, and the journey stays
/// open with its unsaved changes.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not write {path}: {}", explain(source))]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("could not replace {path}: {}", explain(source))]
    Replace {
        path: String,
        source: std::io::Error,
    },
    #[error("refused to save: {0}")]
    Verify(String),
    /// The file on disk is not what this app loaded or last saved.
    #[error("{path} {}", match state {
        super::DiskState::Missing => "was deleted or moved since it was opened",
        _ => "was changed on disk by someone else since it was opened",
    })]
    ChangedOnDisk {
        path: String,
        state: super::DiskState,
    },
    /// The `.bak` copy of the previous version could not be made; nothing was saved.
    #[error("could not keep a backup at {path}: {}", explain(source))]
    Backup {
        path: String,
        source: std::io::Error,
    },
}

impl SaveError {
    /// What the user can do about it, for the message shown under the error.
    pub fn advice(&self) -> &'static str {
        match self {
            SaveError::ChangedOnDisk { .. } => {
                "Overwrite it with your version, save yours under another name (Save As), or reload theirs."
            }
            SaveError::Backup { .. } => {
                "Nothing was saved. Use Save As to save elsewhere, or turn off backups in the settings."
            }
            _ => {
                "Your changes are still open and the file on disk was not changed. Use Save As to save them elsewhere."
            }
        }
    }
}

/// A plain-words explanation of an I/O error from a save.
pub fn explain(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "the folder is read-only or you may not write there"
        }
        K::StorageFull | K::QuotaExceeded => "the disk is full",
        K::NotFound => "the folder does not exist any more (moved, deleted or disconnected?)",
        K::InvalidFilename => "the path is too long or the file name is not allowed",
        K::FileTooLarge => "the file is too large for this disk",
        _ => return e.to_string(),
    };
    format!("{why} ({e})")
}

/// The file-system operations a save needs.
pub trait Fs: Sync {
    /// Create a new file at `path` (it must not exist), write `bytes`, flush it to disk.
    fn write_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Rename `from` over `to` atomically.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Flush a folder's entries to disk (best effort where unsupported).
    fn sync_dir(&self, dir: &Path) -> std::io::Result<()>;
    fn remove(&self, path: &Path) -> std::io::Result<()>;
    /// Copy `from` to `to` (for backups).
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Read a whole file (to check it against what was loaded).
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    /// The modification time of a file.
    fn modified(&self, path: &Path) -> std::io::Result<std::time::SystemTime> {
        std::fs::metadata(path)?.modified()
    }
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn write_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> std::io::Result<()> {
        #[cfg(unix)]
        {
            std::fs::File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }

    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to).map(|_| ())
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_path(target: &Path) -> PathBuf {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "journey".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Write `bytes` to `target` atomically through `fs`.
pub fn save_bytes_atomic(fs: &dyn Fs, target: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let shown = target.display().to_string();
    let tmp = temp_path(target);
    if let Err(source) = fs.write_new(&tmp, bytes) {
        let _ = fs.remove(&tmp);
        return Err(SaveError::Write {
            path: shown,
            source,
        });
    }
    if let Err(source) = fs.rename(&tmp, target) {
        let _ = fs.remove(&tmp);
        return Err(SaveError::Replace {
            path: shown,
            source,
        });
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The rename is done; a folder that cannot be synced does not undo it.
    let _ = fs.sync_dir(dir);
    Ok(())
}
