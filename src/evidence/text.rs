//! Words of a comment: Chinese segmented with jieba (its embedded dictionary, no HMM, so
//! the same text always gives the same words), other scripts split at Unicode word
//! boundaries (UAX #29); lower-cased; English and Chinese stop words, numbers and single
//! Latin letters left out.

use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// English stop words (function words and survey filler).
const EN_STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let",
    "me",
    "more",
    "most",
    "much",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "quite",
    "really",
    "same",
    "she",
    "should",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "wasn't",
    "we",
    "we're",
    "were",
    "weren't",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won't",
    "would",
    "wouldn't",
    "you",
    "you're",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "ok",
    "okay",
    "yes",
    "thanks",
    "thank",
    "please",
    "lot",
    "bit",
    "thing",
    "things",
    "way",
];

/// Chinese stop words (particles, pronouns, common function words).
const ZH_STOP: &[&str] = &[
    "的",
    "了",
    "是",
    "我",
    "你",
    "他",
    "她",
    "它",
    "我们",
    "你们",
    "他们",
    "在",
    "也",
    "都",
    "就",
    "很",
    "和",
    "与",
    "及",
    "有",
    "没",
    "没有",
    "不",
    "这",
    "那",
    "这个",
    "那个",
    "个",
    "吗",
    "呢",
    "吧",
    "啊",
    "呀",
    "哦",
    "嗯",
    "着",
    "过",
    "被",
    "把",
    "给",
    "对",
    "从",
    "到",
    "又",
    "还",
    "而",
    "但",
    "但是",
    "因为",
    "所以",
    "如果",
    "就是",
    "还是",
    "一个",
    "一些",
    "一下",
    "一直",
    "非常",
    "比较",
    "真的",
    "真",
    "太",
    "挺",
    "特别",
    "可以",
    "能",
    "会",
    "要",
    "让",
    "说",
    "去",
    "来",
    "上",
    "下",
    "里",
    "中",
    "后",
    "前",
    "时候",
    "什么",
    "怎么",
    "为什么",
    "已经",
    "然后",
    "其实",
    "自己",
    "这样",
    "那么",
    "这么",
    "还有",
    "以及",
    "等",
    "之",
    "其",
    "或",
    "或者",
    "并",
    "并且",
    "得",
    "地",
    "么",
    "啦",
    "哈",
    "嘛",
    "吧",
    "年",
    "月",
    "日",
    "次",
    "些",
    "再",
    "才",
    "更",
    "最",
    "好像",
    "感觉",
    "觉得",
];

fn is_stop(word: &str) -> bool {
    // Both lists are small and sorted at first use; a binary search per word.
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    let list = SORTED.get_or_init(|| {
        let mut v: Vec<&'static str> = EN_STOP.iter().chain(ZH_STOP).copied().collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    list.binary_search(&word).is_ok()
}

/// Whether a character is a Han ideograph (CJK Unified Ideographs and extension A,
/// compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// Load the Chinese dictionary now (it is otherwise loaded at the first Chinese comment).
pub fn warm_up() {
    let _ = jieba();
}

/// Call `emit` with each kept word of `text`, lower-cased (`buf` is scratch space).
pub fn words(text: &str, buf: &mut String, mut emit: impl FnMut(&str)) {
    let mut keep = |w: &str, buf: &mut String| {
        buf.clear();
        for c in w.chars() {
            match c {
                '\u{2019}' => buf.push('\''),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
        let w = buf.trim_matches('\'');
        if w.is_empty() || is_stop(w) {
            return;
        }
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        let single = chars.next().is_none();
        if single && !is_han(first) {
            return;
        }
        if w.chars().all(|c| c.is_numeric() || c == '.' || c == ',') {
            return;
        }
        if !w.chars().any(char::is_alphanumeric) {
            return;
        }
        emit(w);
    };
    if text.is_ascii() {
        // Fast path: letters, digits and inner apostrophes make a word.
        let bytes = text.as_bytes();
        let mut start = None;
        for (i, &b) in bytes.iter().enumerate() {
            let inner_quote = b == b'\''
                && start.is_some()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if b.is_ascii_alphanumeric() || inner_quote {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                keep(text.get(s..i).unwrap_or_default(), buf);
            }
        }
        if let Some(s) = start {
            keep(text.get(s..).unwrap_or_default(), buf);
        }
    } else if text.chars().any(is_han) {
        for token in jieba().cut(text, false) {
            keep(token.word, buf);
        }
    } else {
        for w in text.unicode_words() {
            keep(w, buf);
        }
    }
}

/// The kept words of a text, as owned strings (tests and small inputs).
pub fn word_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    words(text, &mut buf, |w| out.push(w.to_owned()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_without_stop_words() {
        assert_eq!(
            word_list("The technician didn't arrive; I waited 3 hours!"),
            vec!["technician", "arrive", "waited", "hours"]
        );
        assert_eq!(
            word_list("Café staff were RUDE"),
            vec!["café", "staff", "rude"]
        );
        assert_eq!(word_list("I don’t know"), vec!["know"]);
    }

    #[test]
    fn chinese_is_segmented_into_words() {
        let w = word_list("快递员送货太慢了，包装也破损了");
        assert!(w.contains(&"快递".to_owned()), "{w:?}");
        assert!(w.contains(&"包装".to_owned()), "{w:?}");
        assert!(!w.contains(&"了".to_owned()), "{w:?}");
        assert!(!w.contains(&"，".to_owned()), "{w:?}");
        let mixed = word_list("客服 app 很难用");
        assert!(mixed.contains(&"app".to_owned()), "{mixed:?}");
        assert!(mixed.contains(&"客服".to_owned()), "{mixed:?}");
    }

    #[test]
    fn same_text_same_words() {
        let t = "售后服务态度敷衍，问题一直没有解决";
        assert_eq!(word_list(t), word_list(t));
        assert!(!word_list(t).is_empty());
    }
}
