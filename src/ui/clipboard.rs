//! Copy and paste of touchpoints with their internal handoffs. The clipboard text is
//! the RON of a small fragment `(touchpoints: [...], handoffs: [...])` made of the file
//! format's own DTOs, so it pastes into another journey and reads well in a text editor.

use crate::edit::Edit;
use crate::i18n::tr;
use crate::io::dto::{FileDto, HandoffDto, TouchpointDto};
use crate::io::{dto_from_journey, handoff_dto, journey_from_dto, touchpoint_dto, validate};
use crate::model::{Journey, StageId, TouchpointId, fresh_id};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Most touchpoints one paste may add.
pub const MAX_PASTE: usize = 20_000;

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
pub struct Fragment {
    #[serde(default)]
    pub touchpoints: Vec<TouchpointDto>,
    #[serde(default)]
    pub handoffs: Vec<HandoffDto>,
}

/// The clipboard text for `ids`: the touchpoints and the handoffs between them.
/// `None` when nothing is selected.
pub fn copy(journey: &Journey, ids: &BTreeSet<TouchpointId>) -> Option<String> {
    let touchpoints: Vec<TouchpointDto> = ids
        .iter()
        .filter_map(|id| journey.touchpoint(id))
        .map(touchpoint_dto)
        .collect();
    if touchpoints.is_empty() {
        return None;
    }
    let handoffs = journey
        .handoffs()
        .into_iter()
        .filter(|h| ids.contains(&h.from) && ids.contains(&h.to))
        .map(handoff_dto)
        .collect();
    let frag = Fragment {
        touchpoints,
        handoffs,
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    ron::ser::to_string_pretty(&frag, config).ok()
}

/// The edit that pastes `text` into `journey`, and the ids of the new touchpoints.
/// Every pasted touchpoint gets a fresh id; handoffs between pasted touchpoints are
/// kept (re-pointed at the new ids); a stage or owner the journey does not have is
/// replaced by `fallback_stage` / no owner. Values are validated like a file.
pub fn paste_edit(
    journey: &Journey,
    text: &str,
    fallback_stage: Option<&StageId>,
) -> Result<(Edit, Vec<TouchpointId>), String> {
    if text.len() > 16 * 1024 * 1024 {
        return Err(tr("clip-too-large"));
    }
    let options = ron::Options::default().with_recursion_limit(crate::io::MAX_DEPTH);
    let frag: Fragment = options
        .from_str(text)
        .map_err(|e| crate::tr!("clip-not-touchpoints", error = e.to_string()))?;
    if frag.touchpoints.is_empty() {
        return Err(tr("clip-empty"));
    }
    if frag.touchpoints.len() > MAX_PASTE {
        return Err(crate::tr!("clip-too-many", max = MAX_PASTE));
    }
    // Fresh ids, unique in the journey and among themselves.
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for t in &frag.touchpoints {
        // "final-read-2" pasted again becomes "final-read-3", not "final-read-2-2".
        let base = match t.id.rsplit_once('-') {
            Some((stem, n))
                if !stem.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
            {
                stem
            }
            _ => t.id.as_str(),
        };
        let new = fresh_id(base, |s| {
            journey.contains_touchpoint(&TouchpointId::new(s)) || taken.contains(s)
        });
        taken.insert(new.clone());
        renamed.insert(t.id.clone(), new);
    }
    let fallback = fallback_stage
        .cloned()
        .or_else(|| journey.stages().first().map(|s| s.id.clone()));
    let mut touchpoints = Vec::new();
    for mut t in frag.touchpoints {
        let Some(new) = renamed.get(&t.id) else {
            continue;
        };
        t.id = new.clone();
        if t.stage
            .as_ref()
            .is_some_and(|s| journey.stage(&StageId::new(s.as_str())).is_none())
        {
            t.stage = fallback.as_ref().map(|s| s.0.clone());
        }
        if t.owner.as_ref().is_some_and(|d| {
            journey
                .department(&crate::model::DepartmentId::new(d.as_str()))
                .is_none()
        }) {
            t.owner = None;
        }
        touchpoints.push(t);
    }
    let handoffs: Vec<HandoffDto> = frag
        .handoffs
        .into_iter()
        .filter_map(|mut h| {
            h.from = renamed.get(&h.from)?.clone();
            h.to = renamed.get(&h.to)?.clone();
            Some(h)
        })
        .collect();
    // Validate through the file format: the same limits and checks as loading a file.
    let base = dto_from_journey(journey);
    let dto = FileDto {
        format: crate::io::CURRENT_FORMAT,
        stages: base.stages,
        departments: base.departments,
        touchpoints,
        handoffs,
        ..FileDto::default()
    };
    let problems = validate(&dto);
    if let Some(p) = problems.first() {
        return Err(format!("{}: {}", p.path, p.message));
    }
    let built = journey_from_dto(dto).map_err(|p| {
        p.first()
            .map_or_else(|| tr("clip-invalid"), |p| p.message.clone())
    })?;
    let mut edits = Vec::new();
    let mut ids = Vec::new();
    for t in built.touchpoints() {
        ids.push(t.id.clone());
        edits.push(Edit::AddTouchpoint(Box::new(t.clone())));
    }
    for h in built.handoffs() {
        edits.push(Edit::AddHandoff(h.clone()));
    }
    Ok((Edit::Batch(edits), ids))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Handoff, Journey, Touchpoint};

    fn journey() -> Journey {
        let mut j = Journey::starter("t");
        for (id, name) in [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")] {
            let mut t = Touchpoint::new(id, name);
            t.stage = Some(StageId::new("notify"));
            t.volume = Some(10);
            j.add_touchpoint(t).unwrap();
        }
        j.add_handoff(Handoff::new("a", "b")).unwrap();
        j.add_handoff(Handoff::new("b", "c")).unwrap();
        j
    }

    #[test]
    fn copy_paste_gives_fresh_ids_and_keeps_internal_handoffs() {
        let mut j = journey();
        let ids: BTreeSet<TouchpointId> = ["a", "b"].into_iter().map(TouchpointId::new).collect();
        let text = copy(&j, &ids).unwrap();
        assert!(text.contains("touchpoints:"), "{text}");
        assert!(text.contains("\"Alpha\""));
        let (edit, new_ids) = paste_edit(&j, &text, None).unwrap();
        assert_eq!(
            new_ids,
            vec![TouchpointId::new("a-2"), TouchpointId::new("b-2")]
        );
        let _ = edit.apply(&mut j).unwrap();
        assert_eq!(j.touchpoint_count(), 5);
        assert!(j.handoff(&Handoff::new("a-2", "b-2").key()).is_some());
        // b -> c crossed the selection's edge: not copied.
        assert_eq!(j.handoff_count(), 3);
        assert_eq!(
            j.touchpoint(&TouchpointId::new("a-2")).unwrap().volume,
            Some(10)
        );
        // Pasting twice gives yet more fresh ids.
        let (_, again) = paste_edit(&j, &text, None).unwrap();
        assert_eq!(
            again,
            vec![TouchpointId::new("a-3"), TouchpointId::new("b-3")]
        );
    }

    #[test]
    fn paste_into_another_journey_maps_unknown_stages_and_owners() {
        let j = journey();
        let ids: BTreeSet<TouchpointId> = [TouchpointId::new("a")].into_iter().collect();
        let mut text = copy(&j, &ids).unwrap();
        text = text.replace("\"notify\"", "\"elsewhere\"");
        let mut other = Journey::starter("other");
        let (edit, new_ids) = paste_edit(&other, &text, None).unwrap();
        let _ = edit.apply(&mut other).unwrap();
        let t = other.touchpoint(&new_ids[0]).unwrap();
        assert_eq!(
            t.stage,
            Some(StageId::new("notify")),
            "first stage as fallback"
        );
        assert_eq!(new_ids[0], TouchpointId::new("a"));
    }

    #[test]
    fn garbage_and_invalid_values_are_refused() {
        let j = journey();
        assert!(paste_edit(&j, "hello", None).is_err());
        assert!(paste_edit(&j, "(touchpoints: [])", None).is_err());
        let bad = "(touchpoints: [(id: \"x\", name: \"X\", handling_minutes: Some(-3.0))])";
        assert!(paste_edit(&j, bad, None).is_err());
    }
}
