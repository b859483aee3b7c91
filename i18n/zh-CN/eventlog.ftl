# 应用中的事件日志（第 17 号议题）：文件 > 导入事件日志…、视图 > 对照日志检验…、
# 实测标记；以及地图为日志检验印出的文字。

## Commands
evlog-cmd-import = 导入事件日志…
evlog-cmd-measure = 对照日志检验…

## File pickers
evlog-picker = 选择事件日志
evlog-picker-logs = 事件日志（CSV、XES、XES.GZ）

## The import preview of an event log
evlog-title = 事件日志预览
evlog-reading = 正在读取 { $name }
evlog-reading-log = 正在读取日志…
evlog-cancelled = 已取消导入事件日志
# The title of the progress window of any long work (reading a log, exporting, ...).
evlog-working = 正在处理
evlog-updating = 正在更新…
evlog-stop = 停止
evlog-summary = { $cases } 个案例 · { $events } 个事件 · { $activities } 个活动 · { $handoffs } 次交接 · { $stages } 个阶段
evlog-period = 从 { $from } 到 { $to }
evlog-elapsed = 每个案例的耗时（中位数）：{ $hours }
evlog-columns = 列
evlog-header = 表头
evlog-first-value = 第一个值
evlog-read-as = 读作
evlog-xes-attribute = XES 属性
evlog-role-none = （忽略）
evlog-role-case = 案例
evlog-role-activity = 活动
evlog-role-timestamp = 时间戳（完成）
evlog-role-start = 开始时间
evlog-role-lifecycle = 生命周期（开始/完成）
evlog-role-department = 部门
evlog-role-resource = 资源
evlog-role-channel = 渠道
evlog-role-layer = 层级
evlog-role-customer = 由客户执行
evlog-role-visible = 客户可见
evlog-role-cost = 成本
evlog-min-share = 保留至少有此比例案例经过的交接
evlog-dropped = 有 { $count } 次交接的案例占比低于 { $share }，已略去
evlog-map = 将要生成的地图
evlog-stage-line = { $stage }：{ $touchpoints }
evlog-more = ，另有 { $count } 个
evlog-from = 从
evlog-to = 到
evlog-transitions = 流转次数
evlog-wait = 排队时间（中位数）
evlog-more-handoffs = 另有 { $count } 次交接
evlog-all-read = 每一行都已读取（共 { $rows } 行）。
evlog-rows-not-read = 未能（完整）读取的行：{ $count }
evlog-open = 作为新旅程打开
evlog-nothing-yet = 还没有可打开的内容：请指定案例、活动和时间戳列
evlog-looks-like-log = 这看起来是一份事件日志（有案例、活动和时间戳列）。
evlog-mine-instead = 作为事件日志挖掘…

## View > Measure against a log
evlog-measuring = 正在对照 { $name } 检验
evlog-measuring-now = 正在检验…
evlog-measure-cancelled = 已取消检验
evlog-measured-status = 已对照 { $log } 检验：{ $hidden } 次隐藏交接，{ $unseen } 次未出现
evlog-measure-heading = 对照日志检验
evlog-close-measure = 关闭日志检验
evlog-measure-cases = { $cases } 个案例，{ $events } 个事件
evlog-map-file = 按 { $file } 匹配活动
evlog-legend-hidden = 虚线：日志中有、图上没画（{ $count }）
evlog-legend-unseen = 淡色：图上画了、日志中从未出现（{ $count }）
evlog-legend-unmapped = 虚线卡片：不对应任何触点的活动（{ $count }）
evlog-legend-measured = 由数据实测（检查器中显示来源和时段）
evlog-hidden = 隐藏的交接：{ $count }
evlog-unseen = 未出现的交接：{ $count }
evlog-unmapped = 不对应任何触点的活动：{ $count }
evlog-unmapped-hint = 可用活动映射文件（每行：活动,触点 id）匹配它们，或添加同名触点。
evlog-differences = 偏差超过 { $tolerance } 的数字：{ $count }
evlog-pair = { $from } 到 { $to }
evlog-pair-count = { $from } 到 { $to }：{ $count }
evlog-activity-cases = { $name }：{ $count } 个案例
evlog-diff-volume = 流量：图上 { $drawn }，实测 { $measured }
evlog-diff-handling = 处理时间：图上 { $drawn }，实测 { $measured }
evlog-diff-wait = 排队时间：图上 { $drawn }，实测 { $measured }
evlog-apply = 采用实测数字
evlog-apply-tip = 采用日志中的流量、处理时间和排队时间，每个数字都标为实测并注明日志时段（一步撤销）
evlog-undo-apply = 采用实测数字
evlog-again = 重新检验
evlog-again-tip = 重新读取日志（触点改名后，或日志有更新时）
evlog-choose-map = 活动映射…
evlog-choose-map-tip = 一个每行为“活动,触点 id”的 CSV，用于名称与触点不同的活动
evlog-clear-map = 按名称匹配

## Measured figures in the inspector
evlog-measured-mark = 实测
evlog-source-line = { $figure }：{ $source }
evlog-figure-volume = 流量
evlog-figure-handling = 处理时间
evlog-figure-satisfaction = 满意度
evlog-figure-wait = 排队时间
evlog-figure-transitions = 经过的案例

## The map (canvas and exports)
evlog-map-hidden = 隐藏：{ $count }
evlog-map-not-on-map = 日志中有、不对应任何触点
evlog-map-unmapped-cases = { $count } 个案例
evlog-map-legend = 对照 { $log } 检验

## Command line
evlog-cli-measure-drawn = 注意：--measure 只用于 svg、png、pdf、md 和 html；{ $format } 忽略它

## View > Measure against a log (more)
evlog-stale = 检验之后旅程已有改动：点“重新检验”以跟上改动。
evlog-unlogged = 日志中没有的触点：{ $count }
