# Numbers, durations and dates (src/i18n/format.rs). `$n` is already formatted.
fmt-minutes = { $n } min
fmt-hours = { $n } h
fmt-days = { $n } days
fmt-ratio = { $n }x
# Card volumes grouped by 1000 (k, M, G) or by 10000 (万, 亿).
fmt-volume-grouping = 1000
fmt-volume-thousand = k
fmt-volume-million = M
fmt-volume-billion = G
fmt-volume-ten-thousand = 0k
fmt-volume-hundred-million = 00M
fmt-date = { $year }-{ $month2 }-{ $day2 }
# Between the items of a list written on one line.
fmt-list-separator = {"; "}
