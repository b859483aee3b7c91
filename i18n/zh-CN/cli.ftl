# 命令行的人读输出（src/cli）。机器输出（JSON、CSV 表头、退出码）不经过这里。
cli-unknown-lang = --lang 不认识语言「{ $lang }」；可用：{ $available }
cli-validate-ok = { $file }：{ $touchpoints } 个触点，{ $handoffs } 次交接，{ $stages } 个阶段，{ $departments } 个部门
cli-analyze-bad-drop = --drop 必须是 0 到 10 之间的分数，而不是 { $value }
cli-analyze-fail-on = { $file }：{ $count } 个断点达到或超过「{ $severity }」
cli-export-written = { $file }：{ $summary }（{ $bytes } 字节）
cli-export-none-written = { $count } 个文件都没有写入
cli-export-note-drawn = 注意：--theme、--no-gaps 和 --date 只用于 svg、png、pdf、md 和 html；{ $format } 忽略它们
cli-export-note-scale = 注意：--scale 只用于 png 和 svg；{ $format } 忽略它
cli-export-note-paper = 注意：--paper、--fit 和 --pages 只用于 pdf；{ $format } 忽略它们
cli-export-note-table = 注意：--table 和 --bom 只用于 csv；{ $format } 忽略它们
cli-export-note-report = 注意：--report 只用于 pdf（md 和 html 本来就是报告）；{ $format } 忽略它
cli-export-note-compare = 注意：--compare 只用于报告（md、html、pdf --report）；{ $format } 忽略它
cli-export-note-stdout-table = 注意：向标准输出写的是触点表；其他表请用 --table handoffs 或 --table matrix

## drivers、whatif、feedback、mine、measure（标准错误）
cli-drv-nothing-to-save = 没有可保存的内容：没有能拟合的模型
cli-drv-saved = 关键驱动因素结果已保存到 { $path }
cli-drv-more-problems = { $path }：另有 { $count } 个问题
cli-wif-saved = 情景 `{ $name }` 已保存到 { $path }
cli-fb-nothing-usable = feedback：没有任何有效回答对应到触点；未写入任何内容
cli-fb-strict = feedback：{ $count } 行或问题；未写入任何内容（--strict）
cli-mine-saved = { $path }：{ $touchpoints } 个触点，{ $handoffs } 个交接（{ $bytes } 字节）
cli-mine-strict = --strict：{ $path } 中有 { $count } 个问题，未写入任何文件
cli-wif-save-needs-changes = --save 需要给出变化（--set、--cut-wait、--remove-handoff、--merge、--handling）
cli-wif-no-scenario = { $path }：没有名为 `{ $name }` 的情景（已保存：{ $saved }）
cli-wif-none = 无
cli-wif-nothing = 没有给出变化，{ $path } 中也没有保存的情景：请使用 --set、--cut-wait、--remove-handoff、--merge 或 --handling
cli-drv-bad-missing = --missing 只能是 mean-impute 或 listwise，不能是 `{ $value }`
cli-drv-too-many-resamples = --resamples { $count } 超过了 10000
