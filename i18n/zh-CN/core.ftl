# 核心消息：语言名称、计数、断点类型及其说明、严重程度、加载错误。

# 语言自身的名称，显示在 视图 > 语言 菜单中。
language-name = 简体中文

n-touchpoints = { $count } 个触点
n-handoffs = { $count } 次交接

## Gap explanations (one line each; names and numbers are variables)
gap-no-owner-name = 无人负责
gap-list-sep = ，
gap-part-queue = 排队 { $time }
gap-part-loss = 信息丢失 { $share }
gap-part-drop = 满意度从 { $before } 降到 { $after }
gap-cross-department = { $from_owner } -> { $to_owner }：{ $what }（{ $from } -> { $to }）
gap-satisfaction-drop = { $from } -> { $to }：满意度从 { $before } 降到 { $after }（{ $owner }）
gap-overall-satisfaction = 整体满意度
gap-quoted = “{ $text }”
gap-key-driver = { $name }（{ $owner }）：关键驱动因素，解释了{ $what }的 { $share }（{ $respondents } 位受访者），均分 { $mean }，整体平均 { $average }：改进它对{ $what }的提升最大
gap-part-satisfaction = 满意度 { $score }
gap-part-detractors = 贬损者占 { $share }
gap-watermelon = { $name }（{ $owner }）：西瓜效应，外绿内红：每项运营指标都达标（{ $metrics }），但{ $said }
gap-split-opinion = { $name }（{ $owner }）：评价两极分化，{ $low } 打 0-3 分，{ $high } 打 7-10 分；平均分 { $mean } 掩盖了两类客户
gap-hot-spot = { $name }（{ $owner }）：{ $volume } 位客户平均 { $mean } 分，约 { $dissatisfied } 位不满意
gap-getting-worse = { $name }（{ $owner }）：持续恶化，平均分从 { $first_period } 的 { $first } 降到 { $last_period } 的 { $last }（分别 { $first_answers } 和 { $last_answers } 份回答）
gap-loop-more = …（共 { $count } 个触点）
gap-loop-back = ；{ $from } 退回到 { $to }
gap-rework-loop = 返工循环：{ $names }（{ $owners }）{ $back }
gap-silent-wait = 从 { $from } 到 { $to } 经过 { $count } 次内部交接（{ $time }），客户一直没有收到任何消息
gap-no-owner-visible = { $name }：客户会接触到它，却没有部门负责
gap-no-owner = { $name }：没有部门负责
gap-unmeasured-hands-over = { $name }（{ $owner }）：未衡量（没有设定目标的指标），却要把工作交接给其他部门
gap-unmeasured = { $name }（{ $owner }）：未衡量（没有设定目标的指标）
gap-unreachable = { $name }：从客户旅程的起点无法到达
gap-disconnected = { $name }：没有任何交接进出
gap-dead-end = { $name }：工作到这里就中断了，还没到客户旅程的最后阶段
gap-idle-department = { $name }：不负责任何触点

## 断点类型（简短标签）
gap-kind-cross-department-handoff = 跨部门交接
gap-kind-satisfaction-drop = 满意度下降
gap-kind-watermelon = 西瓜（外绿内红）
gap-kind-split-opinion = 评价两极分化
gap-kind-hot-spot = 高频痛点
gap-kind-getting-worse = 持续恶化
gap-kind-rework-loop = 返工循环
gap-kind-silent-wait = 无声等待
gap-kind-no-owner = 无人负责
gap-kind-unmeasured = 未衡量
gap-kind-no-score = 无评分
gap-kind-no-stage = 无阶段
gap-kind-unreachable = 无法到达
gap-kind-disconnected = 孤立触点
gap-kind-dead-end = 死胡同
gap-kind-idle-department = 部门无触点
gap-kind-key-driver = 关键驱动因素

## 严重程度
severity-info = 信息
severity-low = 低
severity-medium = 中
severity-high = 高
severity-critical = 严重

## 渠道与服务蓝图层级
channel-Phone = 电话
channel-Web = 网站
channel-App = App
channel-Email = 邮件
channel-Letter = 信函
channel-Chat = 在线客服 / 即时通讯
channel-InPerson = 面对面
channel-FieldVisit = 上门服务
channel-SocialMedia = 社交媒体
channel-Internal = 内部系统
channel-Partner = 合作伙伴
channel-Other = 其他
layer-CustomerAction = 客户行为
layer-Frontstage = 前台
layer-Backstage = 后台
layer-Support = 支持流程

## 便利贴与行动的位置
anchor-journey = 整个客户旅程
