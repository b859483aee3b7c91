# touchpoint mine --emit-sql 与 --from-aggregates

## 生成的 SQL 开头的注释
minesql-sql-what = Touchpoint：把事件表归约为 `touchpoint mine` 计算的数字（按活动、按直接跟随的活动对、按整个日志），供数据仓库引擎处理单机放不下的日志。
minesql-sql-input = 输入：每个事件一行，包含案例、活动、完成时间，以及（如有）开始时间、部门、渠道和层；案例或活动为空、或没有时间的行被略去，重复的事件（案例、活动、开始和结束都相同）只计一次。
minesql-sql-rename = 表名或列名不同：`touchpoint mine --emit-sql --table 表名 --case 列名 --activity 列名 --timestamp 列名 --start 列名 --department 列名 --channel 列名 --layer 列名`（表中没有的列写 `-`），或者修改下面的第一个 SELECT。时间列必须是 TIMESTAMP 类型；没有时区的时间按 UTC 读取。
minesql-sql-exact = 中位数和 p90：连续分位数（在最接近的两个名次之间线性插值），与内置挖掘器的算法相同。
minesql-sql-approx = 中位数和 p90：引擎的近似分位数；旅程中的等待时间和处理时间可能与内置挖掘器的略有不同。
minesql-sql-run-duckdb = 运行：duckdb -c "COPY (<本查询，去掉末尾的分号>) TO 'aggregates.csv' (HEADER)"，然后 `touchpoint mine --from-aggregates aggregates.csv -o as-is.journey.ron`。
minesql-sql-run-spark = 运行：spark.sql(query).coalesce(1).write.option("header", True).csv("aggregates")，然后 `touchpoint mine --from-aggregates aggregates/part-*.csv -o as-is.journey.ron`。
minesql-sql-run-trino = 运行：trino --output-format CSV_HEADER --execute "$(cat query.sql)" > aggregates.csv（没有时区的时间请先 SET TIME ZONE 'UTC'），然后 `touchpoint mine --from-aggregates aggregates.csv -o as-is.journey.ron`。
minesql-sql-columns = 结果的列为 { $columns }

## 命令行
minesql-required-column = { $flag } 指定的列是查询必需的；请给出列名，不能用 `-`

## 读取汇总结果（问题的格式为 `文件:行: ...`）
minesql-agg-unreadable = 无法读取汇总结果：{ $error }
minesql-agg-missing-column = 缺少 `{ $column }` 列：汇总结果需要这些列：{ $columns }（即 `touchpoint mine --emit-sql` 的结果，连同表头保存）
minesql-agg-bad-row = 无法读取的行：{ $error }
minesql-agg-too-many-rows = 超过 { $max } 行；其余的行被略去
minesql-agg-bad-count = `{ $column }` 不是计数：{ $value }；该行被略去
minesql-agg-bad-number = `{ $column }` 不是大于或等于 0 的数：{ $value }；该行被略去
minesql-agg-duplicate = 第二个 `{ $kind }` 行；已略去
minesql-agg-no-activity = `{ $kind }` 行没有活动；已略去
minesql-agg-no-other = `{ $kind }` 行的 `other` 列没有值；已略去
minesql-agg-unknown-kind = 未知的类型 `{ $kind }`（应为 log、activity、department、channel、layer、pair、start 或 end）；该行被略去
minesql-agg-too-many = 活动超过 { $max } 个；其余的被略去
minesql-agg-no-log = 没有 `{ $kind }` 行（案例数、事件数和日志的时间范围）：这是 `touchpoint mine --emit-sql` 的结果吗？
minesql-agg-no-activity-row = 活动 { $activity } 没有 `activity` 行；已略去
minesql-agg-pair-unknown = 活动对 { $from } 到 { $to } 中有活动没有 `activity` 行；已略去
minesql-agg-nothing = 没有可用的内容：{ $file } 中没有任何活动
