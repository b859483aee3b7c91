# 核心消息：语言名称、计数、断点类型及其说明、严重程度、加载错误。

# 语言自身的名称，显示在 视图 > 语言 菜单中。
language-name = 简体中文

n-touchpoints = { $count } 个触点
n-handoffs = { $count } 次交接
