# Core messages: the language's name, counts, gap kinds and their explanations,
# severity names, load errors. Owned by the i18n/UI side (issue 20).

# The language's own name, shown in View > Language.
language-name = English

n-touchpoints = { $count ->
    [one] { $count } touchpoint
   *[other] { $count } touchpoints
}
n-handoffs = { $count ->
    [one] { $count } handoff
   *[other] { $count } handoffs
}
