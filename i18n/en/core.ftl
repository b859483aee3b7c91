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

## Gap explanations (one line each; names and numbers are variables)
gap-no-owner-name = no owner
gap-list-sep = { ", " }
gap-part-queue = { $time } queue
gap-part-loss = { $share } information loss
gap-part-drop = satisfaction drops { $before } -> { $after }
gap-cross-department = { $from_owner } -> { $to_owner }: { $what } ({ $from } -> { $to })
gap-satisfaction-drop = { $from } -> { $to }: satisfaction drops { $before } -> { $after } ({ $owner })
gap-overall-satisfaction = overall satisfaction
gap-quoted = "{ $text }"
gap-key-driver = { $name } ({ $owner }): key driver, { $share } of what explains { $what } ({ $respondents } respondents), mean { $mean } against { $average } on average: fixing it moves { $what } most
gap-part-satisfaction = satisfaction { $score }
gap-part-detractors = { $share } detractors
gap-watermelon = { $name } ({ $owner }): every target met ({ $metrics }) but { $said }
gap-split-opinion = { $name } ({ $owner }): split opinion, { $low } score 0-3 and { $high } score 7-10; the mean { $mean } hides two groups
gap-hot-spot = { $name } ({ $owner }): mean { $mean } over { $volume } customers, about { $dissatisfied } dissatisfied
gap-getting-worse = { $name } ({ $owner }): getting worse, mean { $first } in { $first_period } -> { $last } in { $last_period } ({ $first_answers } and { $last_answers } answers)
gap-loop-more = ... ({ $count } touchpoints)
gap-loop-back = ; { $from } goes back to { $to }
gap-rework-loop = Rework loop through { $names } ({ $owners }){ $back }
gap-silent-wait = The customer hears nothing for { $count } internal handoffs ({ $time }) from { $from } to { $to }
gap-no-owner-visible = { $name }: no department owns it although customers meet it
gap-no-owner = { $name }: no department owns it
gap-unmeasured-hands-over = { $name } ({ $owner }): not measured (no metric with a target), yet it hands work to another department
gap-unmeasured = { $name } ({ $owner }): not measured (no metric with a target)
gap-unreachable = { $name }: no path from the start of the journey reaches it
gap-disconnected = { $name }: no handoff arrives or leaves
gap-dead-end = { $name }: work arrives here and goes nowhere before the journey's last stage
gap-idle-department = { $name }: owns no touchpoint

## Gap kinds (short labels)
gap-kind-cross-department-handoff = cross-department handoff
gap-kind-satisfaction-drop = satisfaction drop
gap-kind-watermelon = watermelon
gap-kind-split-opinion = split opinion
gap-kind-hot-spot = hot spot
gap-kind-getting-worse = getting worse
gap-kind-rework-loop = rework loop
gap-kind-silent-wait = silent wait
gap-kind-no-owner = no owner
gap-kind-unmeasured = unmeasured
gap-kind-no-score = no score
gap-kind-no-stage = no stage
gap-kind-unreachable = unreachable
gap-kind-disconnected = disconnected
gap-kind-dead-end = dead end
gap-kind-idle-department = department owns nothing
gap-kind-key-driver = key driver

## Severities
severity-info = info
severity-low = low
severity-medium = medium
severity-high = high
severity-critical = critical

## Channels and service-blueprint layers
channel-Phone = Phone
channel-Web = Web
channel-App = App
channel-Email = Email
channel-Letter = Letter
channel-Chat = Chat / IM
channel-InPerson = In person
channel-FieldVisit = Field visit
channel-SocialMedia = Social media
channel-Internal = Internal system
channel-Partner = Partner
channel-Other = Other
layer-CustomerAction = Customer action
layer-Frontstage = Frontstage
layer-Backstage = Backstage
layer-Support = Support process

## Anchors of notes and actions
anchor-journey = the journey
