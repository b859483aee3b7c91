# Key drivers and scenarios in the app and in the charts (issue 19).

## Commands
kd-cmd-key-drivers = 关键驱动因素…
kd-cmd-scenarios = 情景模拟

## The chart
kd-chart-title = 关键驱动因素：{ $title }
kd-chart-title-plain = 关键驱动因素
kd-chart-act = 优先改进：重要性高、得分低
kd-chart-maintain = 保持优势：重要性高、得分高
kd-chart-monitor = 持续观察：重要性低、得分低
kd-chart-secondary = 次要：重要性低、得分高
kd-chart-x-axis = 触点平均得分（0-10）
kd-chart-y-axis = 重要性（解释方差的占比）
kd-chart-empty = 尚无关键驱动因素分析结果
kd-chart-format = 图表不能保存为 { $format }；请使用 .svg、.png 或 .pdf
kd-chart-extension = { $path }：图表只能保存为 .svg、.png 或 .pdf，请使用其中一种扩展名
kd-chart-nothing = 无法绘制图表：这些答卷不足以建立任何模型（见说明）
kd-chart-written = 图表已写入 { $path }
kd-chart-exported = 图表已导出到 { $path }

## The scenario on the map
kd-overlay-add = { $points } 分
kd-overlay-target = 目标 { $mean }
kd-overlay-cut = 等待 -{ $percent }%
kd-overlay-struck = 已取消
kd-overlay-merged = 已合并
kd-overlay-handling = 处理 { $minutes } 分钟

## The Drivers view
kd-title = 关键驱动因素
kd-answers = 答卷（CSV 或 Excel）：
kd-answers-hint = 每位客户一行：每个触点的评分、总体评分、结果
kd-choose-file = 选择文件…
kd-fit = 分析
kd-no-file = 请先选择客户答卷文件
kd-fitting = 正在分析 { $file }…
kd-fit-cancelled = 已取消关键驱动因素分析
kd-detect = 按列名识别
kd-detected = { $column }（已识别）
kd-col-overall = 总体评分：
kd-col-outcome = 结果：
kd-col-segment = 细分：
kd-segment-value = 受访者：
kd-all-respondents = 全部受访者
kd-intro = 请选择客户答卷文件（每位客户一行；每个触点一列 0-10 分的评分，列名为触点的 ID 或名称；一列总体评分，可选一列结果，例如是否续约）。分析会指出哪些触点驱动满意度，以及应优先改进哪里。
kd-open-scenarios = 情景面板…
kd-export-chart = 导出图表…
kd-undo-results = 来自 { $file } 的关键驱动因素结果
kd-overall-summary = 总体评分（{ $column }）：R² { $r2 }，使用 { $total } 位受访者中的 { $used } 位，均值 { $mean }
kd-outcome-summary = 结果（{ $column }）：伪 R² { $r2 }，比例 { $rate }，使用 { $total } 位受访者中的 { $used } 位
kd-imputed = 触点答案中有 { $share } 为空，已用该触点的均值填补
kd-col-vif = 方差膨胀因子
kd-vif-high = 与其他触点高度同步（方差膨胀因子大于 5）：其系数不稳定，重要性与之共享
kd-select-on-map = 在旅程图上选中该卡片
kd-point-tip = { $name }：重要性 { $importance }，平均得分 { $mean }
kd-note-cannot = 无法得出结论：
kd-note-warning = 警告：
kd-note-info = 说明：
kd-problems = 读取文件时有 { $count } 个问题
kd-more-problems = …… 另有 { $count } 个
kd-saved-summary = 已保存的结果，来自 { $file }（{ $column }）：{ $respondents } 位受访者，R² { $r2 }
kd-saved-hint = 置信区间、结果变量和情景预测都需要原始答卷：请选择文件并重新分析。

## The Scenario panel
kd-scenario-heading = 情景模拟
kd-scenario-name = 名称：
kd-scenario-name-hint = 例如：改进最终抄表
kd-save-scenario = 保存情景
kd-new-scenario = 新建
kd-scenario-needs-name = 保存前请为情景命名
kd-scenario-exists = 已有名为“{ $name }”的情景
kd-undo-save-scenario = 保存情景“{ $name }”
kd-undo-delete-scenario = 删除情景“{ $name }”
kd-undo-rename-scenario = 将情景“{ $old }”重命名为“{ $new }”
kd-figures = 改进前后
kd-updating = 正在更新……
kd-evaluating = 正在评估情景……
kd-points = { $points } 分
kd-pp = { $points } 个百分点
kd-saved-lift = 总体评分：{ $points } 分（根据已保存的系数）
kd-saved-lift-hint = 没有原始答卷就没有置信区间和结果比例：请在关键驱动因素视图中分析答卷。
kd-saved-lift-row = 总体评分变化（已保存的系数）
kd-targets = 目标得分
kd-targets-hint = 拖动触点的目标平均分；最重要的排在前面。
kd-targets-none = 尚无关键驱动因素结果：请先分析客户答卷（视图 > 关键驱动因素…）再设定目标得分。
kd-target-tip = 当前平均分：{ $mean }
kd-show-all = 显示全部 { $count } 个
kd-handoffs = 交接
kd-no-handoffs = 这个客户旅程没有交接。
kd-pick-handoff = 选择一个交接（或在旅程图上选中）
kd-handoff-name = { $from } 到 { $to }
kd-handoff-wait = { $handoff }（等待 { $wait }）
kd-cut-wait = 缩短等待
kd-wait-now = 等待 { $before }，改后 { $after }
kd-strike = 取消这个交接
kd-strike-tip = 下一步并入这一步完成：两个触点合并，等待和失败随之消失
kd-changes = 改动（{ $count }）
kd-remove-change = 移除这项改动
kd-saved-scenarios = 已保存的情景（{ $count }）
kd-no-saved = 还没有：为情景命名并保存。
kd-change-count = { $count } 项改动
kd-open-scenario = 载入
kd-rename-scenario = 重命名
kd-rename-ok = 确定
kd-delete-scenario = 删除
kd-compare-scenarios = 比较已保存的情景
kd-as-is = 现状

## Reports
kd-doc-heading = 关键驱动因素
kd-doc-summary = 来自 { $file }（{ $column }）：{ $respondents } 位受访者，R² { $r2 }。重要性是各触点在已解释方差中的占比；系数表示触点得分每提高 1 分，总体评分提高的分数。
kd-doc-act-first = 优先改进（重要性高、得分低）：{ $touchpoints }
kd-doc-scenarios = 情景模拟
kd-doc-no-changes = 无改动
kd-doc-note = 说明
kd-choose-columns = 请在下方选择列：总体评分，以及结果列和细分列（如有）。
