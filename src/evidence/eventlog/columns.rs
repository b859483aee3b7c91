//! Which column of an event log holds what: found by name with the usual synonyms
//! (Disco, PM4Py/XES, ticketing exports), or named explicitly.

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Case,
    Activity,
    /// The completion time (or the only time) of an event.
    Timestamp,
    Start,
    Lifecycle,
    Department,
    Resource,
    Channel,
    Layer,
    /// Performed by the customer (yes/no).
    Customer,
    /// Visible to the customer (yes/no): frontstage or backstage.
    Visible,
    Cost,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Case,
        Role::Activity,
        Role::Timestamp,
        Role::Start,
        Role::Lifecycle,
        Role::Department,
        Role::Resource,
        Role::Channel,
        Role::Layer,
        Role::Customer,
        Role::Visible,
        Role::Cost,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Case => "case",
            Role::Activity => "activity",
            Role::Timestamp => "timestamp",
            Role::Start => "start",
            Role::Lifecycle => "lifecycle",
            Role::Department => "department",
            Role::Resource => "resource",
            Role::Channel => "channel",
            Role::Layer => "layer",
            Role::Customer => "customer",
            Role::Visible => "customer-visible",
            Role::Cost => "cost",
        }
    }

    /// Header names (lower case, letters and digits only) that mean this role, best first.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Role::Case => &[
                "caseid",
                "caseconceptname",
                "case",
                "ticket",
                "ticketid",
                "ticketno",
                "ticketnumber",
                "orderid",
                "order",
                "casenumber",
                "caseno",
                "traceid",
                "trace",
                "processinstance",
                "instanceid",
            ],
            Role::Activity => &[
                "activity",
                "conceptname",
                "activityname",
                "event",
                "eventname",
                "step",
                "task",
                "action",
            ],
            Role::Timestamp => &[
                "completetimestamp",
                "timetimestamp",
                "timestamp",
                "endtime",
                "endtimestamp",
                "completetime",
                "completedat",
                "end",
                "endedat",
                "datetime",
                "time",
                "date",
            ],
            Role::Start => &[
                "starttimestamp",
                "starttime",
                "start",
                "startedat",
                "startdate",
            ],
            Role::Lifecycle => &[
                "lifecycletransition",
                "lifecycle",
                "transition",
                "eventtype",
            ],
            Role::Department => &[
                "department",
                "orggroup",
                "team",
                "group",
                "dept",
                "unit",
                "orgunit",
            ],
            Role::Resource => &[
                "resource",
                "orgresource",
                "agent",
                "user",
                "employee",
                "staff",
            ],
            Role::Channel => &["channel", "medium"],
            Role::Layer => &["layer", "blueprintlayer"],
            Role::Customer => &[
                "customerperformed",
                "bycustomer",
                "customeraction",
                "iscustomer",
                "customer",
            ],
            Role::Visible => &["customervisible", "visible", "visibletocustomer"],
            Role::Cost => &["cost", "costs", "costtotal", "amount"],
        }
    }
}

/// Letters and digits only, lower case: `Case ID` and `case:concept:name` compare by
/// `caseid` and `caseconceptname`.
pub fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column index of each role found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub found: Vec<(Role, usize)>,
}

impl Columns {
    pub fn get(&self, role: Role) -> Option<usize> {
        self.found.iter().find(|(r, _)| *r == role).map(|&(_, i)| i)
    }
}

/// Find the columns from the headers. `explicit` names columns for roles (by header,
/// case-insensitively and ignoring punctuation); an explicit name that is not a header is
/// an error, an empty name means "no column for this role" (the app's "(ignored)").
/// Each column serves at most one role.
pub fn detect(headers: &[&str], explicit: &[(Role, String)]) -> Result<Columns, String> {
    let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut found = Vec::new();
    let none: Vec<Role> = explicit
        .iter()
        .filter(|(_, n)| n.trim().is_empty())
        .map(|(r, _)| *r)
        .collect();
    for (role, name) in explicit.iter().filter(|(_, n)| !n.trim().is_empty()) {
        let want = normalise(name);
        let hit = headers
            .iter()
            .position(|h| h.trim() == name.trim())
            .or_else(|| norm.iter().position(|h| *h == want));
        match hit {
            Some(i) => {
                taken[i] = true;
                found.push((*role, i));
            }
            None => {
                return Err(format!(
                    "no column {name:?} for the {} (columns: {})",
                    role.label(),
                    headers.join(", ")
                ));
            }
        }
    }
    for role in Role::ALL {
        if found.iter().any(|(r, _)| *r == role) || none.contains(&role) {
            continue;
        }
        for syn in role.synonyms() {
            if let Some(i) = norm.iter().position(|h| h == syn)
                && !taken[i]
            {
                taken[i] = true;
                found.push((role, i));
                break;
            }
        }
    }
    let cols = Columns { found };
    let mut missing = Vec::new();
    for role in [Role::Case, Role::Activity, Role::Timestamp] {
        if cols.get(role).is_none() {
            missing.push(role.label());
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "no {} column found (columns: {}); name it with --{}",
            missing.join(" or "),
            headers.join(", "),
            missing[0]
        ));
    }
    Ok(cols)
}

/// A yes/no cell: `yes`, `true`, `1`, `y`, `x` or `no`, `false`, `0`, `n`, empty.
pub fn parse_flag(text: &str) -> Option<bool> {
    match normalise(text).as_str() {
        "yes" | "true" | "1" | "y" | "x" | "ja" | "oui" => Some(true),
        "no" | "false" | "0" | "n" | "" | "nein" | "non" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_of_the_usual_exports() {
        let c = detect(
            &[
                "Case ID",
                "Activity",
                "Start Timestamp",
                "Complete Timestamp",
                "Resource",
                "org:group",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(c.get(Role::Case), Some(0));
        assert_eq!(c.get(Role::Activity), Some(1));
        assert_eq!(c.get(Role::Start), Some(2));
        assert_eq!(c.get(Role::Timestamp), Some(3));
        assert_eq!(c.get(Role::Resource), Some(4));
        assert_eq!(c.get(Role::Department), Some(5));
        let xes = detect(
            &[
                "case:concept:name",
                "concept:name",
                "time:timestamp",
                "lifecycle:transition",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(xes.get(Role::Lifecycle), Some(3));
        let t = detect(&["ticket", "step", "end time", "team", "agent"], &[]).unwrap();
        assert_eq!(t.get(Role::Department), Some(3));
        assert_eq!(t.get(Role::Resource), Some(4));
    }

    #[test]
    fn explicit_names_win_and_missing_columns_are_named() {
        let c = detect(
            &["id", "what", "when", "case"],
            &[
                (Role::Case, "id".into()),
                (Role::Activity, "WHAT".into()),
                (Role::Timestamp, "when".into()),
            ],
        )
        .unwrap();
        assert_eq!(c.get(Role::Case), Some(0));
        assert_eq!(c.found.len(), 3);
        let e = detect(&["id", "when"], &[]).unwrap_err();
        assert!(
            e.starts_with("no case or activity or timestamp column found"),
            "{e}"
        );
        let e = detect(&["a"], &[(Role::Case, "nope".into())]).unwrap_err();
        assert!(e.starts_with("no column \"nope\" for the case"), "{e}");
        // An empty name leaves a role without a column (not found by synonym).
        let c = detect(
            &["case", "activity", "timestamp", "team"],
            &[(Role::Department, String::new())],
        )
        .unwrap();
        assert_eq!(c.get(Role::Department), None);
        assert_eq!(c.found.len(), 3);
    }
}
