# 命令行的人读输出（src/cli）。机器输出（JSON、CSV 表头、退出码）不经过这里。
cli-unknown-lang = --lang 不认识语言「{ $lang }」；可用：{ $available }
cli-validate-ok = { $file }：{ $touchpoints } 个触点，{ $handoffs } 次交接，{ $stages } 个阶段，{ $departments } 个部门
cli-analyze-bad-drop = --drop 必须是 0 到 10 之间的分数，而不是 { $value }
cli-analyze-fail-on = { $file }：{ $count } 个断点达到或超过「{ $severity }」
