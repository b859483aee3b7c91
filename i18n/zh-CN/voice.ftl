# 客户之声（第 18 号需求）：文件 > 导入反馈…、检查器中的主题、引述与趋势、卡片上的趋势标记。

## 文件 > 导入反馈…
voice-cmd-import-feedback = 导入反馈…
voice-title = 导入调查回答
voice-reading-file = 正在读取 { $name } 中的回答
voice-summary = { $rows } 行 · { $matched } 行匹配 · { $unmatched } 行未匹配 · { $cards } 张卡片有评分
voice-apply = 应用到地图
voice-nothing-to-apply = 没有卡片的评分会改变
voice-cancelled = 已取消导入反馈，未做任何更改
voice-edit-label = 来自 { $name } 的调查回答（{ $count } 张卡片）
voice-scale = 量表
voice-scale-auto = 根据回答自动识别
voice-scale-detected = { $scale }（自动识别）
voice-scale-0-10 = 0-10 分
voice-scale-1-5 = 1-5 分
voice-scale-1-7 = 1-7 分
voice-scale-stars = 1-5 星
voice-period = 趋势周期
voice-period-week = 周
voice-period-month = 月
voice-period-quarter = 季度
voice-scores = 评分
voice-replace = 替换
voice-replace-hint = 每张卡片的评分改为回答给出的评分
voice-merge = 合并
voice-merge-hint = 回答并入每张卡片现有的评分
voice-columns = 列
voice-no-header = 未找到同时含有触点列和评分列的表头行。
voice-columns-reset = 按列名重新识别各列
voice-column-n = 第 { $n } 列
voice-column-none = （无）
voice-field-touchpoint = 触点
voice-field-score = 评分
voice-field-comment = 评论
voice-field-date = 日期
voice-field-channel = 渠道
voice-field-segment = 客户细分
voice-field-respondent = 受访者
voice-cards-changing = { $count } 张卡片的评分会改变
voice-col-card = 卡片
voice-col-mean-now = 当前均分
voice-col-mean-after = 导入后均分
voice-col-responses = 回答数
voice-col-nps = NPS
voice-all-matched = 每一行都对应本旅程中的一张卡片。
voice-unmatched = { $count } 行未对应本旅程中的任何卡片
voice-no-touchpoint = （无触点）
voice-problems = 另有 { $count } 个问题

## 检查器
voice-heading = 客户之声
voice-none-yet = 尚无调查回答（文件 > 导入 > 调查答卷…）
voice-typed-by-hand = 手工输入
voice-score-from = 评分来源：{ $source }
voice-mean = 均分 { $mean }
voice-mean-nps = 均分 { $mean } · NPS { $nps }
voice-trend = 趋势
voice-trend-chart = 趋势图：各周期的均分与回答数
voice-getting-worse = 持续恶化：{ $first_period } 为 { $first }，{ $last_period } 为 { $last }
voice-trend-point = { $period }：{ $mean }（{ $count } 份回答）
voice-themes = 评论主题
voice-theme-counts = { $count } 条评论 · 其中 { $detractors } 来自贬损者

## 地图图例
voice-legend-worse = 调查趋势持续恶化
voice-legend-falling = 调查趋势下降
voice-legend-steady = 调查趋势平稳
voice-legend-rising = 调查趋势上升
voice-nps-hint = NPS：推荐者（9-10 分）占比减去贬损者（0-6 分）占比；仅适用于 0-10 分的回答
