# 数字、时长与日期（src/i18n/format.rs）。`$n` 已经格式化。
fmt-minutes = { $n } 分钟
fmt-hours = { $n } 小时
fmt-days = { $n } 天
fmt-ratio = { $n } 倍
# 卡片上的量：按万、亿分组。
fmt-volume-grouping = 10000
fmt-volume-thousand = 千
fmt-volume-million = 百万
fmt-volume-billion = 十亿
fmt-volume-ten-thousand = 万
fmt-volume-hundred-million = 亿
fmt-date = { $year }年{ $month }月{ $day }日
# Between the items of a list written on one line.
fmt-list-separator = ；
