//! The fonts bundled for rendering exports (PNG, PDF): no system fonts are used, so
//! an export looks the same on every machine.

use resvg::usvg::fontdb;
use std::sync::{Arc, OnceLock};

/// DejaVu Sans (Bitstream Vera license): Latin, Greek, Cyrillic.
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Droid Sans Fallback (Apache 2.0): Chinese, Japanese, Korean; no Latin letters.
pub const CJK_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// A font database holding only the bundled fonts (built once, shared).
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in [DEJAVU_SANS, DEJAVU_SANS_BOLD, CJK_FALLBACK] {
            db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// usvg options that resolve fonts from the bundled database only.
pub fn usvg_options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        fontdb: database(),
        font_family: "DejaVu Sans".into(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_cover_latin_bold_and_chinese() {
        let db = database();
        let families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
            .collect();
        assert!(families.iter().any(|f| f == "DejaVu Sans"), "{families:?}");
        assert!(
            families.iter().any(|f| f == "Droid Sans Fallback"),
            "{families:?}"
        );
        assert!(db.faces().any(|f| f.weight == fontdb::Weight::BOLD));
        assert_eq!(db.len(), 3);
    }
}
