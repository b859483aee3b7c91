//! Small persistent settings: recent files, UI scale, theme, interface language. Stored as RON in the
//! platform config directory (`directories`); a missing or corrupt file gives defaults.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Light, dark, or follow the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemePref {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemePref {
    pub fn label(self) -> String {
        crate::i18n::tr(match self {
            ThemePref::System => "theme-system",
            ThemePref::Light => "theme-light",
            ThemePref::Dark => "theme-dark",
        })
    }
}

/// Where the window was: its outer position and inner size (points) and whether it was
/// maximised. The first start opens maximised; later starts where the last one ended.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowPlace {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub maximized: bool,
}

impl WindowPlace {
    fn is_sane(&self) -> bool {
        [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            && (200.0..=20_000.0).contains(&self.w)
            && (200.0..=20_000.0).contains(&self.h)
            && self.x.abs() <= 40_000.0
            && self.y.abs() <= 40_000.0
    }

    /// The window to open: maximised on the first start, then at the last place.
    pub fn viewport(place: Option<WindowPlace>) -> egui::ViewportBuilder {
        let v = egui::ViewportBuilder::default().with_min_inner_size([800.0, 500.0]);
        match place {
            None => v.with_inner_size([1500.0, 950.0]).with_maximized(true),
            Some(p) => v
                .with_inner_size([p.w, p.h])
                .with_position([p.x, p.y])
                .with_maximized(p.maximized),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// Zoom-independent UI scale (1.0 = normal; 1.5 for a projector).
    pub ui_scale: f32,
    pub theme: ThemePref,
    /// Keep `NAME.journey.ron.bak` of the previous version on every save.
    pub backup_on_save: bool,
    /// File > Export…: the folder and format (`--format` name) used last.
    pub export_folder: Option<PathBuf>,
    pub export_format: Option<String>,
    /// File > Import…: the folder used last.
    pub import_folder: Option<PathBuf>,
    /// The window's last place (`None` before the first run ended).
    pub window: Option<WindowPlace>,
    /// View > Language (`"en"`, `"zh-CN"`); `None` until chosen: the app then
    /// follows the system locale. An unknown tag reads as `None`.
    #[serde(deserialize_with = "lenient_lang")]
    pub language: Option<Lang>,
}

/// A language tag that is not (or no longer) available reads as "not chosen"
/// instead of making the whole settings file unreadable.
fn lenient_lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let tag: Option<String> = Option::deserialize(d)?;
    Ok(tag.and_then(|t| Lang::parse(&t)))
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            ui_scale: 1.0,
            theme: ThemePref::System,
            backup_on_save: false,
            export_folder: None,
            export_format: None,
            import_folder: None,
            language: None,
            window: None,
        }
    }
}

/// UI scales offered in the View menu.
pub const UI_SCALES: [f32; 6] = [0.8, 1.0, 1.25, 1.5, 1.75, 2.0];

impl Settings {
    /// The default settings file, when the platform has a config directory.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "touchpoint")
            .map(|d| d.config_dir().join("settings.ron"))
    }

    /// Read settings; anything wrong (missing, unreadable, corrupt) gives defaults.
    pub fn load(path: &Path) -> Settings {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Settings::default();
        };
        let mut s: Settings = ron::from_str(&text).unwrap_or_default();
        s.sanitize();
        s
    }

    /// Keep values in range after reading a hand-edited file.
    pub fn sanitize(&mut self) {
        if !self.ui_scale.is_finite() || !(0.5..=3.0).contains(&self.ui_scale) {
            self.ui_scale = 1.0;
        }
        self.recent.truncate(MAX_RECENT);
        if self.window.is_some_and(|w| !w.is_sane()) {
            self.window = None;
        }
    }

    /// Write settings (best effort: a failure is returned for the status line).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        std::fs::write(path, text)
    }

    /// Put `path` first in the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_or_missing_settings_give_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        assert_eq!(Settings::load(&path), Settings::default());
        std::fs::write(&path, "(recent: [\"a\"], ui_scale: oops").unwrap();
        assert_eq!(Settings::load(&path), Settings::default());
        std::fs::write(&path, "(ui_scale: 99.0)").unwrap();
        assert_eq!(Settings::load(&path).ui_scale, 1.0);
        std::fs::write(
            &path,
            "(window: Some((x: 0.0, y: 0.0, w: 1e30, h: 5.0, maximized: false)))",
        )
        .unwrap();
        assert_eq!(Settings::load(&path).window, None);
    }

    #[test]
    fn the_window_opens_maximised_first_then_where_it_was() {
        let first = WindowPlace::viewport(None);
        assert_eq!(first.maximized, Some(true));
        let place = WindowPlace {
            x: 40.0,
            y: 30.0,
            w: 1200.0,
            h: 800.0,
            maximized: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        let s = Settings {
            window: Some(place),
            ..Settings::default()
        };
        s.save(&path).unwrap();
        let back = Settings::load(&path);
        assert_eq!(back.window, Some(place));
        let again = WindowPlace::viewport(back.window);
        assert_eq!(again.maximized, Some(false));
        assert_eq!(again.inner_size, Some(egui::vec2(1200.0, 800.0)));
        assert_eq!(again.position, Some(egui::pos2(40.0, 30.0)));
    }

    #[test]
    fn recent_files_round_trip_and_stay_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("settings.ron");
        let mut s = Settings::default();
        for i in 0..15 {
            s.add_recent(Path::new(&format!("/tmp/{i}.journey.ron")));
        }
        s.add_recent(Path::new("/tmp/3.journey.ron"));
        s.ui_scale = 1.5;
        s.save(&path).unwrap();
        let back = Settings::load(&path);
        assert_eq!(back.recent.len(), MAX_RECENT);
        assert_eq!(back.recent[0], PathBuf::from("/tmp/3.journey.ron"));
        assert_eq!(back.recent[1], PathBuf::from("/tmp/14.journey.ron"));
        assert_eq!(back.ui_scale, 1.5);
    }

    #[test]
    fn language_round_trips_and_an_unknown_one_reads_as_unset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        let s = Settings {
            ui_scale: 1.5,
            language: Lang::parse("zh-CN"),
            ..Settings::default()
        };
        s.save(&path).unwrap();
        let back = Settings::load(&path);
        assert_eq!(back.language, Lang::parse("zh-CN"));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("\"zh-CN\"")
        );
        std::fs::write(&path, "(ui_scale: 1.5, language: Some(\"xx-YY\"))").unwrap();
        let back = Settings::load(&path);
        assert_eq!((back.language, back.ui_scale), (None, 1.5));
    }
}
