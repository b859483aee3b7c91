use super::feedback::{CommentTheme, TrendPoint};
use super::ids::{DepartmentId, StageId, TouchpointId};
use super::metric::Metric;
use super::score::Satisfaction;
use super::source::Source;
use serde::{Deserialize, Serialize};

/// How a touchpoint happens.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Channel {
    Phone,
    Web,
    App,
    Email,
    Letter,
    Chat,
    InPerson,
    FieldVisit,
    SocialMedia,
    #[default]
    Internal,
    Partner,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 12] = [
        Channel::Phone,
        Channel::Web,
        Channel::App,
        Channel::Email,
        Channel::Letter,
        Channel::Chat,
        Channel::InPerson,
        Channel::FieldVisit,
        Channel::SocialMedia,
        Channel::Internal,
        Channel::Partner,
        Channel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "Phone",
            Channel::Web => "Web",
            Channel::App => "App",
            Channel::Email => "Email",
            Channel::Letter => "Letter",
            Channel::Chat => "Chat / IM",
            Channel::InPerson => "In person",
            Channel::FieldVisit => "Field visit",
            Channel::SocialMedia => "Social media",
            Channel::Internal => "Internal system",
            Channel::Partner => "Partner",
            Channel::Other => "Other",
        }
    }

    /// The name used in files and on the command line (`FieldVisit`).
    /// The channel's name in the current interface language (the UI's; files and
    /// CSV use `key`).
    pub fn name(self) -> String {
        crate::i18n::tr(&format!("channel-{}", self.key()))
    }

    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "Phone",
            Channel::Web => "Web",
            Channel::App => "App",
            Channel::Email => "Email",
            Channel::Letter => "Letter",
            Channel::Chat => "Chat",
            Channel::InPerson => "InPerson",
            Channel::FieldVisit => "FieldVisit",
            Channel::SocialMedia => "SocialMedia",
            Channel::Internal => "Internal",
            Channel::Partner => "Partner",
            Channel::Other => "Other",
        }
    }

    /// Parse a key or a label, case-insensitively, with a few synonyms.
    pub fn parse(text: &str) -> Option<Channel> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match t.as_str() {
            "phone" | "call" | "telephone" | "电话" => Channel::Phone,
            "web" | "website" | "online" | "网站" => Channel::Web,
            "app" | "mobileapp" | "mobile" => Channel::App,
            "email" | "mail" => Channel::Email,
            "letter" | "post" | "paper" => Channel::Letter,
            "chat" | "im" | "chatim" | "instantmessaging" | "messenger" => Channel::Chat,
            "inperson" | "store" | "shop" | "branch" | "faceto face" | "facetoface" => {
                Channel::InPerson
            }
            "fieldvisit" | "field" | "visit" | "onsite" => Channel::FieldVisit,
            "socialmedia" | "social" => Channel::SocialMedia,
            "internal" | "internalsystem" | "system" | "backoffice" => Channel::Internal,
            "partner" | "courier" | "thirdparty" | "external" => Channel::Partner,
            "other" => Channel::Other,
            _ => return None,
        })
    }
}

/// Service-blueprint layer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Layer {
    /// What the customer does.
    CustomerAction,
    /// Visible to the customer.
    #[default]
    Frontstage,
    /// Invisible staff work (below the line of visibility).
    Backstage,
    /// Systems, partners, support processes.
    Support,
}

impl Layer {
    pub const ALL: [Layer; 4] = [
        Layer::CustomerAction,
        Layer::Frontstage,
        Layer::Backstage,
        Layer::Support,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::CustomerAction => "Customer action",
            Layer::Frontstage => "Frontstage",
            Layer::Backstage => "Backstage",
            Layer::Support => "Support process",
        }
    }

    /// The layer's name in the current interface language.
    pub fn name(self) -> String {
        crate::i18n::tr(&format!("layer-{}", self.key()))
    }

    pub fn key(self) -> &'static str {
        match self {
            Layer::CustomerAction => "CustomerAction",
            Layer::Frontstage => "Frontstage",
            Layer::Backstage => "Backstage",
            Layer::Support => "Support",
        }
    }

    pub fn parse(text: &str) -> Option<Layer> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match t.as_str() {
            "customeraction" | "customer" | "action" => Layer::CustomerAction,
            "frontstage" | "front" | "visible" => Layer::Frontstage,
            "backstage" | "back" | "invisible" => Layer::Backstage,
            "support" | "supportprocess" | "system" | "systems" => Layer::Support,
            _ => return None,
        })
    }
}

/// One moment where customer and company (or two parts of the company, on the
/// customer's behalf) interact: a node of the journey.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Touchpoint {
    pub id: TouchpointId,
    pub name: String,
    pub description: String,
    /// The stage (column); `None` is allowed and reported by the completeness check.
    pub stage: Option<StageId>,
    /// The accountable department (swimlane); `None` = unowned.
    pub owner: Option<DepartmentId>,
    pub channel: Channel,
    pub layer: Layer,
    pub metrics: Vec<Metric>,
    pub satisfaction: Option<Satisfaction>,
    /// Where `satisfaction` came from (typed by default; a survey after `touchpoint feedback`).
    pub satisfaction_source: Source,
    /// Customers reaching this touchpoint (per period).
    pub volume: Option<u64>,
    /// Where `volume` came from (typed by default).
    pub volume_source: Source,
    /// Staff handling time per case, in minutes.
    pub handling_minutes: Option<f64>,
    /// Where `handling_minutes` came from (typed by default).
    pub handling_source: Source,
    /// Pain points and evidence: verbatim quotes, complaint counts.
    pub pains: Vec<String>,
    /// Themes of the customers' comments (from survey answers), most commented first.
    pub themes: Vec<CommentTheme>,
    /// Mean score and responses per period (from dated survey answers), oldest first.
    pub trend: Vec<TrendPoint>,
    pub notes: String,
    /// Manual order inside its (stage, owner) cell; lower first. `None` = automatic.
    pub order: Option<i32>,
}

impl Touchpoint {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Touchpoint {
            id: TouchpointId::new(id),
            name: name.into(),
            ..Default::default()
        }
    }

    pub fn mean_score(&self) -> Option<f64> {
        self.satisfaction.as_ref().and_then(Satisfaction::mean)
    }
}
