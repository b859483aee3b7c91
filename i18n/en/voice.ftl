# Voice of the customer in the app (issue 18): File > Import feedback…, the inspector's
# themes, quotes and trend, the cards' trend marks.

## File > Import feedback…
voice-cmd-import-feedback = Import feedback…
voice-title = Import survey answers
voice-reading-file = Reading the answers in { $name }
voice-summary = { $rows } rows · { $matched } matched · { $unmatched } unmatched · { $cards ->
    [one] 1 card scored
   *[other] { $cards } cards scored
}
voice-apply = Apply to the map
voice-nothing-to-apply = No card's score changes
voice-cancelled = Feedback import cancelled; nothing changed
voice-edit-label = Survey answers from { $name } ({ $count ->
    [one] 1 card
   *[other] { $count } cards
})
voice-scale = Scale
voice-scale-auto = Detect from the answers
voice-scale-detected = { $scale } (detected)
voice-scale-0-10 = 0-10
voice-scale-1-5 = 1-5
voice-scale-1-7 = 1-7
voice-scale-stars = 1-5 stars
voice-period = Trend by
voice-period-week = week
voice-period-month = month
voice-period-quarter = quarter
voice-scores = Scores
voice-replace = Replace
voice-replace-hint = Each card's score becomes what the answers say
voice-merge = Merge
voice-merge-hint = The answers are added to each card's score as it is now
voice-columns = Columns
voice-no-header = No header row with a touchpoint and a score column was found.
voice-columns-reset = Find the columns by their names
voice-column-n = column { $n }
voice-column-none = (none)
voice-field-touchpoint = Touchpoint
voice-field-score = Score
voice-field-comment = Comment
voice-field-date = Date
voice-field-channel = Channel
voice-field-segment = Segment
voice-field-respondent = Respondent
voice-cards-changing = { $count ->
    [one] 1 card whose score changes
   *[other] { $count } cards whose scores change
}
voice-col-card = Card
voice-col-mean-now = Mean now
voice-col-mean-after = Mean after
voice-col-responses = Responses
voice-col-nps = NPS
voice-all-matched = Every row names a card of this journey.
voice-unmatched = { $count ->
    [one] 1 row names no card of this journey
   *[other] { $count } rows name no card of this journey
}
voice-no-touchpoint = (no touchpoint)
voice-problems = { $count ->
    [one] 1 other problem
   *[other] { $count } other problems
}

## The inspector
voice-heading = Voice of the customer
voice-none-yet = No survey answers yet (File > Import > Survey answers…)
voice-typed-by-hand = typed by hand
voice-score-from = Score from: { $source }
voice-mean = Mean { $mean }
voice-mean-nps = Mean { $mean } · NPS { $nps }
voice-trend = Trend
voice-trend-chart = Trend chart: mean per period and responses
voice-getting-worse = Getting worse: { $first } in { $first_period }, { $last } in { $last_period }
voice-trend-point = { $period }: { $mean } ({ $count ->
    [one] 1 answer
   *[other] { $count } answers
})
voice-themes = Themes of the comments
voice-theme-counts = { $count ->
    [one] 1 comment
   *[other] { $count } comments
} · { $detractors } from detractors

## The map's legend
voice-legend-worse = survey trend getting worse
voice-legend-falling = survey trend falling
voice-legend-steady = survey trend steady
voice-legend-rising = survey trend rising
voice-nps-hint = NPS: promoters (9-10) minus detractors (0-6), in % of the answers; only for answers on 0-10
