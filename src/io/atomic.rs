//! Atomic save: write a temporary file in the target's folder, fsync it, rename it
//! over the target, fsync the folder. A failure at any step leaves the old file as
//! it was. File-system calls go through [`Fs`] so tests can inject failures.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a save failed. The old file is intact in every case, and the journey stays
/// open with its unsaved changes. Displayed in the current language.
#[derive(Debug)]
pub enum SaveError {
    Write {
        path: String,
        source: std::io::Error,
    },
    Replace {
        path: String,
        source: std::io::Error,
    },
    /// Refused to save: why (already in the current language).
    Verify(String),
    /// The file on disk is not what this app loaded or last saved.
    ChangedOnDisk {
        path: String,
        state: super::DiskState,
    },
    /// The file holds comments that a save would drop; nothing was written (the app
    /// asks first, then saves keeping a `.bak` copy of the commented file).
    DropsComments {
        path: String,
        count: usize,
        line: usize,
    },
    /// The target is read-only; nothing was written.
    ReadOnly { path: String },
    /// The target is a folder, socket or block device: never written or replaced.
    /// `what` is the message id of what it is (`save-what-folder`).
    NotAFile { path: String, what: &'static str },
    /// The `.bak` copy of the previous version could not be made; nothing was saved.
    Backup {
        path: String,
        source: std::io::Error,
    },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{tr, tr_args};
        let io = |id: &str, path: &str, source: &std::io::Error| {
            tr_args(
                id,
                &[("path", path.into()), ("error", explain(source).into())],
            )
        };
        let text = match self {
            SaveError::Write { path, source } => io("save-could-not-write", path, source),
            SaveError::Replace { path, source } => io("save-could-not-replace", path, source),
            SaveError::Backup { path, source } => io("save-could-not-backup", path, source),
            SaveError::Verify(why) => tr_args("save-refused", &[("error", why.into())]),
            SaveError::ChangedOnDisk { path, state } => tr_args(
                match state {
                    super::DiskState::Missing => "save-deleted-on-disk",
                    _ => "save-changed-on-disk",
                },
                &[("path", path.into())],
            ),
            SaveError::DropsComments { path, count, line } => tr_args(
                "save-drops-comments",
                &[
                    ("path", path.into()),
                    ("count", (*count).into()),
                    ("line", line.to_string().into()),
                ],
            ),
            SaveError::ReadOnly { path } => tr_args("save-read-only", &[("path", path.into())]),
            SaveError::NotAFile { path, what } => tr_args(
                "save-not-a-file",
                &[("path", path.into()), ("what", tr(what).into())],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Write { source, .. }
            | SaveError::Replace { source, .. }
            | SaveError::Backup { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl SaveError {
    /// What the user can do about it, for the message shown under the error.
    pub fn advice(&self) -> String {
        crate::i18n::tr(match self {
            SaveError::ChangedOnDisk { .. } => "save-advice-changed",
            SaveError::DropsComments { .. } => "save-advice-comments",
            SaveError::ReadOnly { .. } => "save-advice-read-only",
            SaveError::Backup { .. } => "save-advice-backup",
            _ => "save-advice-other",
        })
    }
}

/// A plain-words explanation of an I/O error from a save, in the current language
/// (the system's own words after it, in English).
pub fn explain(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => "save-why-read-only",
        K::StorageFull | K::QuotaExceeded => "save-why-disk-full",
        K::NotFound => "save-why-folder-gone",
        K::InvalidFilename => "save-why-bad-name",
        K::FileTooLarge => "save-why-too-large",
        _ => return e.to_string(),
    };
    crate::i18n::tr_args(
        "save-why",
        &[
            ("why", crate::i18n::tr(why).into()),
            ("error", e.to_string().into()),
        ],
    )
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
    /// What is at a save target, links followed ([`inspect_target`]).
    fn inspect(&self, target: &Path) -> std::io::Result<Target> {
        inspect_target(target)
    }
    /// Give a new file the permission bits and owner of the file it replaces.
    fn keep_meta(&self, path: &Path, meta: &FileMeta) -> std::io::Result<()> {
        apply_meta(path, meta)
    }
    /// Write into a character device or named pipe ([`write_into_stream`]).
    fn write_into(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        write_into_stream(path, bytes)
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

/// The longest file name most file systems take (bytes).
const MAX_NAME_BYTES: usize = 255;

/// A temporary name beside `target` that fits [`MAX_NAME_BYTES`] whatever the target's
/// name: `.NAME.PID.N.tmp`, with NAME cut (on a character boundary) when needed.
pub fn temp_path(target: &Path) -> PathBuf {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "journey".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let suffix = format!(".{}.{n}.tmp", std::process::id());
    let room = MAX_NAME_BYTES.saturating_sub(1 + suffix.len());
    let mut end = name.len().min(room);
    while end > 0 && !name.is_char_boundary(end) {
        end -= 1;
    }
    dir.join(format!(".{}{suffix}", name.get(..end).unwrap_or_default()))
}

/// What a save found at its target, after following symbolic links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing there yet: a new file is created at this path (the end of a dangling
    /// link, or the target itself).
    Missing(PathBuf),
    /// A regular file at this path (the file a link points to): replaced atomically,
    /// keeping its permission bits and, where the process may, its owner.
    Regular { path: PathBuf, meta: FileMeta },
    /// A character device or a named pipe (`/dev/null`, `/dev/stdout`, a terminal): the
    /// bytes are written into it; it is never replaced.
    Stream(PathBuf),
    /// Something a save never writes to or replaces: `what` is the message id of what
    /// it is (`save-what-folder`, `save-what-socket`, `save-what-block-device`).
    Refused(&'static str),
}

/// What a save keeps of the file it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FileMeta {
    /// Permission bits (`0o7777` part of the mode on Unix).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// Nobody may write it (no `w` bit): a save refuses unless told to overwrite it.
    pub read_only: bool,
}

/// How a save may treat its target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace a read-only file (`--force` on the command line; the app asks first).
    pub overwrite_read_only: bool,
}

/// Follow symbolic links from `target` to what a save would write.
pub fn inspect_target(target: &Path) -> std::io::Result<Target> {
    let mut path = target.to_path_buf();
    // Like the kernel's own limit on links followed.
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Missing(path)),
            Err(e) => return Err(e),
            Ok(m) => m,
        };
        if !meta.file_type().is_symlink() {
            return Ok(classify(path, &meta));
        }
        // `/dev/stdout` -> `/proc/self/fd/1` -> `pipe:[..]`: a link that names no path
        // but opens a stream. Write through the link itself.
        if let Ok(end) = std::fs::metadata(&path)
            && !end.is_file()
            && !end.is_dir()
        {
            return Ok(classify(path, &end));
        }
        let link = std::fs::read_link(&path)?;
        path = if link.is_absolute() {
            link
        } else {
            match path.parent() {
                Some(p) => p.join(link),
                None => link,
            }
        };
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links (a loop?)",
    ))
}

fn classify(path: PathBuf, meta: &std::fs::Metadata) -> Target {
    let kind = meta.file_type();
    if kind.is_file() {
        return Target::Regular {
            path,
            meta: file_meta(meta),
        };
    }
    if kind.is_dir() {
        return Target::Refused("save-what-folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() || kind.is_char_device() {
            return Target::Stream(path);
        }
        if kind.is_block_device() {
            return Target::Refused("save-what-block-device");
        }
        if kind.is_socket() {
            return Target::Refused("save-what-socket");
        }
    }
    Target::Refused("save-what-not-regular")
}

fn file_meta(meta: &std::fs::Metadata) -> FileMeta {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        FileMeta {
            mode: meta.mode() & 0o7777,
            uid: meta.uid(),
            gid: meta.gid(),
            read_only: meta.mode() & 0o222 == 0,
        }
    }
    #[cfg(not(unix))]
    {
        FileMeta {
            read_only: meta.permissions().readonly(),
            ..FileMeta::default()
        }
    }
}

/// Give `path` the permission bits of `meta`, and its owner where the process may.
pub fn apply_meta(path: &Path, meta: &FileMeta) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Owner first: changing it may clear set-id bits, which the mode then restores.
        // Only root (or the owner, for the group) may: otherwise the file stays ours.
        let _ = std::os::unix::fs::chown(path, Some(meta.uid), Some(meta.gid));
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(meta.mode))
    }
    #[cfg(not(unix))]
    {
        let mut p = std::fs::metadata(path)?.permissions();
        p.set_readonly(meta.read_only);
        std::fs::set_permissions(path, p)
    }
}

/// Write `bytes` into an existing stream (a character device or a named pipe). A pipe
/// that nobody reads is refused at once rather than waited on.
pub fn write_into_stream(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut f = match options.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            return Err(std::io::Error::other(crate::i18n::tr("io-pipe-no-reader")));
        }
        Err(e) => return Err(e),
    };
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let fd = f.as_raw_fd();
        // Back to blocking writes: a full pipe waits for its reader.
        // SAFETY: fcntl on a file descriptor this function owns, with integer arguments.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    f.write_all(bytes)?;
    f.flush()
}

/// Write `bytes` to `target` atomically through `fs`; a read-only target is refused.
/// See [`save_bytes_atomic_with`].
pub fn save_bytes_atomic(fs: &dyn Fs, target: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_bytes_atomic_with(fs, target, bytes, WriteOptions::default())
}

/// Write `bytes` to `target` the way editors do (Vim, VS Code): through a symbolic
/// link the file it points to is written and the link kept; a regular file is
/// replaced atomically (temporary file beside it, fsync, rename, fsync the folder)
/// keeping its permission bits and owner; a read-only file is refused unless
/// `options.overwrite_read_only`; a character device or named pipe is written into,
/// never replaced; a folder, socket or block device is refused. On any error the
/// old file is as it was and no temporary file is left.
pub fn save_bytes_atomic_with(
    fs: &dyn Fs,
    target: &Path,
    bytes: &[u8],
    options: WriteOptions,
) -> Result<(), SaveError> {
    save_all_atomic(fs, &[(target, bytes)], options)
}

/// Several files all or nothing (the three tables of a CSV export): every target is
/// checked, then every temporary file written; only when all are written are they
/// renamed into place. A failure before that leaves every target as it was.
pub fn save_all_atomic(
    fs: &dyn Fs,
    files: &[(&Path, &[u8])],
    options: WriteOptions,
) -> Result<(), SaveError> {
    let mut plans = Vec::with_capacity(files.len());
    for &(target, bytes) in files {
        let shown = target.display().to_string();
        let found = fs.inspect(target).map_err(|source| SaveError::Write {
            path: shown.clone(),
            source,
        })?;
        match &found {
            Target::Refused(what) => {
                return Err(SaveError::NotAFile { path: shown, what });
            }
            Target::Regular { meta, .. } if meta.read_only && !options.overwrite_read_only => {
                return Err(SaveError::ReadOnly { path: shown });
            }
            _ => {}
        }
        plans.push((shown, found, bytes));
    }
    // Write every temporary file first.
    let mut temps: Vec<(PathBuf, PathBuf, &str)> = Vec::new();
    let cleanup = |temps: &[(PathBuf, PathBuf, &str)]| {
        for (tmp, _, _) in temps {
            let _ = fs.remove(tmp);
        }
    };
    for (shown, found, bytes) in &plans {
        let (path, meta) = match found {
            Target::Missing(p) => (p, None),
            Target::Regular { path, meta } => (path, Some(meta)),
            Target::Stream(_) | Target::Refused(_) => continue,
        };
        let tmp = temp_path(path);
        let written = fs
            .write_new(&tmp, bytes)
            .and_then(|()| meta.map_or(Ok(()), |m| fs.keep_meta(&tmp, m)));
        if let Err(source) = written {
            let _ = fs.remove(&tmp);
            cleanup(&temps);
            return Err(SaveError::Write {
                path: shown.clone(),
                source,
            });
        }
        temps.push((tmp, path.clone(), shown.as_str()));
    }
    for (k, (tmp, path, shown)) in temps.iter().enumerate() {
        if let Err(source) = fs.rename(tmp, path) {
            cleanup(temps.get(k..).unwrap_or_default());
            return Err(SaveError::Replace {
                path: (*shown).to_owned(),
                source,
            });
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // The rename is done; a folder that cannot be synced does not undo it.
        let _ = fs.sync_dir(dir);
    }
    // Streams last: they cannot be taken back.
    for (shown, found, bytes) in &plans {
        if let Target::Stream(p) = found {
            fs.write_into(p, bytes).map_err(|source| SaveError::Write {
                path: shown.clone(),
                source,
            })?;
        }
    }
    Ok(())
}
