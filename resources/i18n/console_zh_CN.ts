<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Alerts</name>
    <message>
        <source>expected [[rule]] entries</source>
        <translation>应为 [[rule]] 条目</translation>
    </message>
    <message>
        <source>expected a [[rule]] table</source>
        <translation>应为一个 [[rule]] 表</translation>
    </message>
    <message>
        <source>give exactly one of: above, below, drop, fall</source>
        <translation>above、below、drop、fall 四者必须且只能给出一个</translation>
    </message>
    <message>
        <source>expected a number ≥ 0 (a fraction: 0.05 = 5 %), got {value}</source>
        <translation>应为 ≥ 0 的数（小数：0.05 = 5%），实际为 {value}</translation>
    </message>
    <message>
        <source>use one of: {colours}</source>
        <translation>请使用其中之一：{colours}</translation>
    </message>
    <message>
        <source>a fall rule watches a field, e.g. field = &quot;online&quot;; got {value}</source>
        <translation>fall 规则监看一个字段，例如 field = &quot;online&quot;；实际为 {value}</translation>
    </message>
    <message>
        <source>unknown metric {value}; use one of: {metrics}</source>
        <translation>未知的指标 {value}；请使用其中之一：{metrics}</translation>
    </message>
    <message>
        <source>expected whole minutes, 0 (whole show) to 240</source>
        <translation>应为整数分钟，0（整场）到 240</translation>
    </message>
    <message>
        <source>a {condition} rule needs a window of at least 1 minute</source>
        <translation>{condition} 规则的时间窗至少要 1 分钟</translation>
    </message>
    <message>
        <source>expected a number ≥ 0, got {value}</source>
        <translation>应为 ≥ 0 的数字，实际为 {value}</translation>
    </message>
    <message>
        <source>expected text, got {value}</source>
        <translation>应为文字，实际为 {value}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>{prog}: error: {message}
</source>
        <translation>{prog}：错误：{message}
</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>internal error: this is a bug (details in {log})</source>
        <translation>内部错误：这是程序的缺陷（详情见 {log}）</translation>
    </message>
    <message>
        <source>internal error: this is a bug</source>
        <translation>内部错误：这是程序的缺陷</translation>
    </message>
    <message>
        <source>--speed only applies to a rehearsal; add --rehearsal</source>
        <translation>--speed 只用于彩排；请加上 --rehearsal</translation>
    </message>
    <message>
        <source>--speed must be between 0 and 1000</source>
        <translation>--speed 必须在 0 到 1000 之间</translation>
    </message>
    <message>
        <source>No show file given: rehearsing the bundled sample 《{title}》 — nothing goes live. Its sessions are kept apart, in {folder}. To run your own show: console run FILE</source>
        <translation>没有指定演出脚本：彩排自带的示例《{title}》——不会直播。它的场次单独保存在 {folder}。要运行自己的演出：console run 文件</translation>
    </message>
    <message>
        <source>there is no display to open the console&apos;s windows on (no DISPLAY or WAYLAND_DISPLAY); run the show with --headless, or start it from the desktop</source>
        <translation>没有可以打开中控台窗口的显示器（没有 DISPLAY 或 WAYLAND_DISPLAY）；请用 --headless 运行本场，或从桌面启动</translation>
    </message>
    <message>
        <source>--from only applies to a rehearsal; add --rehearsal</source>
        <translation>--from 只用于彩排；请加上 --rehearsal</translation>
    </message>
    <message>
        <source>--from {wanted}: no such segment; give its number (1 to {count}) or its id</source>
        <translation>--from {wanted}：没有这个环节；请给出它的序号（1 到 {count}）或它的 id</translation>
    </message>
    <message>
        <source>the script has {count} must-fix wording problem(s) under the advertising law ({first}); see them with: console lint {path}. Fix them, or add --accept-wording to go live anyway (logged)</source>
        <translation>脚本中有 {count} 处依广告法必须修改的用语（{first}）；用 console lint {path} 查看。请修改，或加上 --accept-wording 仍然开播（将记入日志）</translation>
    </message>
    <message>
        <source>deleted rehearsal #{id}</source>
        <translation>已删除彩排 #{id}</translation>
    </message>
    <message>
        <source>there is no display to open the script editor on (no DISPLAY or WAYLAND_DISPLAY)</source>
        <translation>没有可以打开脚本编辑器的显示器（没有 DISPLAY 或 WAYLAND_DISPLAY）</translation>
    </message>
    <message>
        <source>{path} exists; add --force to overwrite it</source>
        <translation>{path} 已存在；加 --force 才会覆盖它</translation>
    </message>
    <message>
        <source>--map {item}: write COLUMN=FIELD, FIELD one of: {fields}, ignore</source>
        <translation>--map {item}：请写成 列=字段，字段为以下之一：{fields}、ignore</translation>
    </message>
    <message>
        <source>{file}: using the column mapping remembered for these headers</source>
        <translation>{file}：使用为这些表头记住的列对应关系</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>-o must end in .xlsx or .csv</source>
        <translation>-o 必须以 .xlsx 或 .csv 结尾</translation>
    </message>
    <message>
        <source>error: cannot write {path}: {reason}</source>
        <translation>错误：无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>wrote {path}: {segments} segments, {skus} SKUs</source>
        <translation>已写入 {path}：{segments} 个环节，{skus} 个商品</translation>
    </message>
    <message>
        <source>error: {count} event(s) of session #{id} could not be saved to the database (see the messages above)</source>
        <translation>错误：场次 #{id} 有 {count} 个事件未能保存到数据库（见上方的消息）</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
</context>
<context>
    <name>Compliance</name>
    <message>
        <source>{path}:{line}: exempt: {term} — {category}; {reason} (recorded at {source}; {field})</source>
        <translation>{path}:{line}: 豁免：{term} — {category}；{reason}（记录于 {source}；{field}）</translation>
    </message>
    <message>
        <source>{path}:{line}: {severity}: {term} — {category}; {suggestion} ({basis}; {field})</source>
        <translation>{path}:{line}: {severity}：{term} — {category}；{suggestion}（{basis}；{field}）</translation>
    </message>
    <message>
        <source>{path}: {must_fix} must-fix, {warnings} warning(s), {hints} hint(s), {exempt} exempt</source>
        <translation>{path}：必须修改 {must_fix} 处，警告 {warnings} 处，提示 {hints} 处，豁免 {exempt} 处</translation>
    </message>
    <message>
        <source>expected a [compliance] table</source>
        <translation>应为一个 [compliance] 表</translation>
    </message>
    <message>
        <source>is over {limit} MB; check that this is the right file</source>
        <translation>超过 {limit} MB；请确认文件是否正确</translation>
    </message>
    <message>
        <source>absolute terms (绝对化用语)</source>
        <translation>绝对化用语</translation>
    </message>
    <message>
        <source>medical or efficacy claim (医疗功效)</source>
        <translation>医疗功效宣称</translation>
    </message>
    <message>
        <source>authority endorsement (权威背书)</source>
        <translation>权威背书</translation>
    </message>
    <message>
        <source>investment or return promise (收益承诺)</source>
        <translation>收益承诺</translation>
    </message>
    <message>
        <source>pressure selling, false urgency (虚假紧迫)</source>
        <translation>虚假紧迫、逼单</translation>
    </message>
    <message>
        <source>off-platform diversion (导流)</source>
        <translation>站外导流</translation>
    </message>
    <message>
        <source>superstition (迷信)</source>
        <translation>封建迷信</translation>
    </message>
    <message>
        <source>disparaging competitors (贬低同行)</source>
        <translation>贬低同行</translation>
    </message>
    <message>
        <source>expected [[entry]] tables</source>
        <translation>应为 [[entry]] 表</translation>
    </message>
    <message>
        <source>expected an [[entry]] table</source>
        <translation>应为一个 [[entry]] 表</translation>
    </message>
    <message>
        <source>give at least one rewording, e.g. suggest = [&quot;很好用&quot;]</source>
        <translation>请至少给出一种替换说法，例如 suggest = [&quot;很好用&quot;]</translation>
    </message>
    <message>
        <source>unknown category &apos;{category}&apos;; use one of: {categories}</source>
        <translation>未知类别 &apos;{category}&apos;；请使用以下之一：{categories}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is no severity; use must_fix, warning or hint</source>
        <translation>&apos;{value}&apos; 不是严重程度；请用 must_fix、warning 或 hint</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; is a single character; a term needs at least two, or it would hit everywhere</source>
        <translation>&apos;{term}&apos; 只有一个字；词条至少要两个字，否则处处命中</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; is listed twice (also entry[{other}])</source>
        <translation>&apos;{term}&apos; 重复列出（另见 entry[{other}]）</translation>
    </message>
    <message>
        <source>expected a list of phrases, e.g. allow = [&quot;第一轮&quot;]</source>
        <translation>应为短语列表，例如 allow = [&quot;第一轮&quot;]</translation>
    </message>
    <message>
        <source>allow-phrase &apos;{phrase}&apos; has fewer than two characters</source>
        <translation>放行短语 &apos;{phrase}&apos; 少于两个字</translation>
    </message>
    <message>
        <source>expected [[exempt]] tables</source>
        <translation>应为 [[exempt]] 表</translation>
    </message>
    <message>
        <source>expected an [[exempt]] table</source>
        <translation>应为一个 [[exempt]] 表</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>this console reads schema_version {ours}, the file says {theirs}</source>
        <translation>本中控台读取 schema_version {ours}，文件写的是 {theirs}</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>duplicate id &apos;{id}&apos;</source>
        <translation>id &apos;{id}&apos; 重复</translation>
    </message>
    <message>
        <source>expected a [[script]] table</source>
        <translation>应为 [[script]] 表</translation>
    </message>
    <message>
        <source>expected [[script]] entries</source>
        <translation>应为 [[script]] 条目</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <source>expected a list of strings</source>
        <translation>应为文字列表</translation>
    </message>
    <message>
        <source>must be 1, 2 or 3, got {level}</source>
        <translation>必须是 1、2 或 3，实际为 {level}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>unknown category; use one of: {categories}</source>
        <translation>未知的类别；请使用其中之一：{categories}</translation>
    </message>
    <message>
        <source>a script needs the host&apos;s lines</source>
        <translation>话术必须包含主播台词（host_lines）</translation>
    </message>
    <message>
        <source>cannot write crisis scripts to {path}: {reason}; check the disk and the folder&apos;s permissions</source>
        <translation>无法把应急话术写入 {path}：{reason}；请检查磁盘和文件夹权限</translation>
    </message>
</context>
<context>
    <name>CrisisEditor</name>
    <message>
        <source>Crisis script</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>Edit crisis script: %1</source>
        <translation>编辑应急话术：%1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level (1–3)</source>
        <translation>响应级别（1–3）</translation>
    </message>
    <message>
        <source>Tags (comma-separated)</source>
        <translation>标签（逗号分隔）</translation>
    </message>
    <message>
        <source>Signs (one per line)</source>
        <translation>识别信号（每行一条）</translation>
    </message>
    <message>
        <source>Host lines (one per line)</source>
        <translation>主播话术（每行一条）</translation>
    </message>
    <message>
        <source>Checklist (one per line)</source>
        <translation>助理清单（每行一条）</translation>
    </message>
    <message>
        <source>Never say (one per line)</source>
        <translation>禁说内容（每行一条）</translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation>升级与联系人</translation>
    </message>
    <message>
        <source>A title is needed.</source>
        <translation>请填写标题。</translation>
    </message>
    <message>
        <source>The host&apos;s lines are needed: they are what gets pushed.</source>
        <translation>请填写主播话术：推送到主播屏的就是这些内容。</translation>
    </message>
</context>
<context>
    <name>CrisisPanel</name>
    <message>
        <source>Search title, tag, text (Ctrl+F) — Enter pushes</source>
        <translation>搜索标题、标签、内容（Ctrl+F）— 回车推送</translation>
    </message>
    <message>
        <source>Push ⏎</source>
        <translation>推送 ⏎</translation>
    </message>
    <message>
        <source>Push + hold ⇧⏎</source>
        <translation>推送并暂停 ⇧⏎</translation>
    </message>
    <message>
        <source>Resolved Ctrl+D</source>
        <translation>已解决 Ctrl+D</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source> (team)</source>
        <translation>（团队）</translation>
    </message>
    <message>
        <source>On the host&apos;s screen: %1</source>
        <translation>主播屏正在显示：%1</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>识别信号</translation>
    </message>
    <message>
        <source>Host says (first minute)</source>
        <translation>主播第一分钟话术</translation>
    </message>
    <message>
        <source>Assistant checklist</source>
        <translation>助理清单</translation>
    </message>
    <message>
        <source>Never say</source>
        <translation>禁用语</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
</context>
<context>
    <name>Draft</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>SKU pitch</source>
        <translation>单品讲解</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Choose where to save the show.</source>
        <translation>请选择脚本的保存位置。</translation>
    </message>
    <message>
        <source>{path} is the script a live session is running; it is not changed during the show. Save the edits under another name.</source>
        <translation>{path} 是正在直播的场次所用的脚本；直播期间不会修改它。请另存为其他文件名。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>{path} 无法写入：{reason}</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>no lottery cue is left in this show</source>
        <translation>本场已没有待处理的抽奖提示</translation>
    </message>
    <message>
        <source>there is no lottery {number}; this show has {count}</source>
        <translation>没有第 {number} 轮抽奖；本场共 {count} 轮</translation>
    </message>
    <message>
        <source>lottery {number} cannot be postponed: the closing or the planned end is less than a minute away; fire it or skip it</source>
        <translation>第 {number} 轮抽奖已不能推迟：距收尾环节或计划结束不到一分钟；请现在抽奖或跳过</translation>
    </message>
    <message>
        <source>lottery {number} would come due in the closing or after the planned end; postpone it by at most {minutes} min, or skip it</source>
        <translation>第 {number} 轮抽奖会落到收尾环节或计划结束之后；最多推迟 {minutes} 分钟，或跳过</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the session database is locked by another program; close any other console or database viewer using it, or use another --data-dir</source>
        <translation>场次数据库被其他程序锁定；请关闭正在使用它的其他中控台或数据库查看器，或用 --data-dir 换一个文件夹</translation>
    </message>
    <message>
        <source>the disk holding the session database is full; free some space</source>
        <translation>场次数据库所在的磁盘已满；请腾出空间</translation>
    </message>
    <message>
        <source>the session database is read-only; check the folder&apos;s permissions</source>
        <translation>场次数据库是只读的；请检查文件夹权限</translation>
    </message>
    <message>
        <source>the session database file is damaged; move it aside (keep it for recovery) and start again</source>
        <translation>场次数据库文件已损坏；请把它移到别处（留作恢复）后重新开始</translation>
    </message>
    <message>
        <source>the session database could not be written</source>
        <translation>无法写入场次数据库</translation>
    </message>
    <message>
        <source>listening on {host} reaches other machines: give a token (--ingest-token) that the bridge must send</source>
        <translation>在 {host} 上监听会被其他机器访问：请用 --ingest-token 设置一个桥接程序必须携带的令牌</translation>
    </message>
    <message>
        <source>cannot listen on {address} ({reason}); another program may use the port — pass another one, e.g. --ingest {other}</source>
        <translation>无法在 {address} 上监听（{reason}）；该端口可能被其他程序占用——请换一个，例如 --ingest {other}</translation>
    </message>
    <message>
        <source>session #{id} has no KPI samples to replay; list sessions with: console sessions</source>
        <translation>场次 #{id} 没有可回放的数据；用 console sessions 列出场次</translation>
    </message>
    <message>
        <source>cannot use the data folder {folder}: {reason}; pass --data-dir with a writable folder (or set ${variable})</source>
        <translation>无法使用数据文件夹 {folder}：{reason}；请用 --data-dir 指定一个可写的文件夹（或设置 ${variable}）</translation>
    </message>
    <message>
        <source>the session database&apos;s shared-memory file {shm} cannot be written ({reason}); with no console running, delete it or make it writable, then start again</source>
        <translation>场次数据库的共享内存文件 {shm} 无法写入（{reason}）；请在没有中控台运行时删除它或使其可写，然后重新启动</translation>
    </message>
    <message>
        <source>cannot open the session database {path}: {reason}; check that the data folder exists and is writable</source>
        <translation>无法打开场次数据库 {path}：{reason}；请确认数据文件夹存在且可写</translation>
    </message>
    <message>
        <source>the session database is from a newer console (schema {theirs}, this one knows {ours}); update the console</source>
        <translation>场次数据库来自更新版本的中控台（结构版本 {theirs}，本版本只认识到 {ours}）；请升级中控台</translation>
    </message>
    <message>
        <source>another console is already using the data folder {folder} (process {owner}); close it first, or pass --data-dir to use another folder</source>
        <translation>另一个中控台正在使用数据文件夹 {folder}（进程 {owner}）；请先关闭它，或用 --data-dir 换一个文件夹</translation>
    </message>
    <message>
        <source>the data folder {folder} was moved or replaced while the console ran; events are kept in memory — put the folder back</source>
        <translation>中控台运行期间数据文件夹 {folder} 被移动或替换；事件暂存在内存中——请把文件夹放回原处</translation>
    </message>
    <message>
        <source>cannot use the data folder {folder}: {reason}. Make it writable, or choose another with --data-dir</source>
        <translation>无法使用数据文件夹 {folder}：{reason}。请使其可写，或用 --data-dir 选择其他文件夹</translation>
    </message>
    <message>
        <source>there is no session #{id}; list them with: console sessions</source>
        <translation>没有场次 #{id}；用 console sessions 列出全部场次</translation>
    </message>
    <message>
        <source>session #{id} is a LIVE show: live shows are never deleted</source>
        <translation>场次 #{id} 是正式直播：正式直播的记录永不删除</translation>
    </message>
    <message>
        <source>rehearsal #{id} has not ended (it may be running or waiting to be resumed); end it first</source>
        <translation>彩排 #{id} 尚未结束（可能正在运行或等待继续）；请先结束它</translation>
    </message>
</context>
<context>
    <name>FaqPanel</name>
    <message>
        <source>问：… on one line, 答：… on the next (or Q: / A:)</source>
        <translation>一行写“问：…”，下一行写“答：…”（或 Q: / A:）</translation>
    </message>
    <message>
        <source>FAQ (select a SKU)</source>
        <translation>常见问题（请先选择商品）</translation>
    </message>
    <message>
        <source>FAQ of %1</source>
        <translation>%1 的常见问题</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Not done: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <source>NOT SAVED: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Followed file cannot be read: %1</source>
        <translation>跟随的数据文件无法读取：%1</translation>
    </message>
    <message>
        <source>KPI figures NOT SAVED: %1</source>
        <translation>数据指标未保存：%1</translation>
    </message>
    <message>
        <source>Another program wrote into this session: %1 event(s) stored under new numbers</source>
        <translation>有其他程序写入了本场次：%1 条事件已改用新编号保存</translation>
    </message>
    <message>
        <source>Internal error in a background task (logged in console.log): %1</source>
        <translation>后台任务内部错误（已记入 console.log）：%1</translation>
    </message>
    <message>
        <source>✓ Saved again: every event is on disk.</source>
        <translation>✓ 已恢复保存：所有事件都已写入磁盘。</translation>
    </message>
    <message>
        <source>✓ Note on the host&apos;s screen: %1</source>
        <translation>✓ 主播屏已显示消息：%1</translation>
    </message>
    <message>
        <source>✓ Crisis script on the host&apos;s screen: %1</source>
        <translation>✓ 主播屏已显示应急话术：%1</translation>
    </message>
    <message>
        <source>✓ Crisis marked resolved: %1</source>
        <translation>✓ 已标记解决：%1</translation>
    </message>
    <message>
        <source>crisis script</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>note</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>lottery cue</source>
        <translation>抽奖提示</translation>
    </message>
    <message>
        <source>✓ Cleared from the host&apos;s screen: %1</source>
        <translation>✓ 已从主播屏清除：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>↺ again</source>
        <translation>↺ 重新计时</translation>
    </message>
    <message>
        <source>↶ back</source>
        <translation>↶ 已撤销</translation>
    </message>
    <message>
        <source>✓ Started: %1</source>
        <translation>✓ 已开始：%1</translation>
    </message>
    <message>
        <source>✓ Now: %1</source>
        <translation>✓ 当前：%1</translation>
    </message>
    <message>
        <source>✓ Back to: %1</source>
        <translation>✓ 回到：%1</translation>
    </message>
    <message>
        <source>✓ Restarted: %1</source>
        <translation>✓ 已重新计时：%1</translation>
    </message>
    <message>
        <source>✓ Undone — back to: %1</source>
        <translation>✓ 已撤销 — 回到：%1</translation>
    </message>
    <message>
        <source>✓ This segment %1 s</source>
        <translation>✓ 本环节 %1 秒</translation>
    </message>
    <message>
        <source>‖ Timer held — H resumes</source>
        <translation>‖ 计时已暂停 — 按 H 继续</translation>
    </message>
    <message>
        <source>▶ Timer running again</source>
        <translation>▶ 计时继续</translation>
    </message>
    <message>
        <source>✓ The show has ended</source>
        <translation>✓ 已下播</translation>
    </message>
    <message>
        <source>✓ Lottery #%1 fired</source>
        <translation>✓ 第 %1 轮抽奖已完成</translation>
    </message>
    <message>
        <source>✓ Lottery #%1 postponed by %2 min</source>
        <translation>✓ 第 %1 轮抽奖推迟 %2 分钟</translation>
    </message>
    <message>
        <source>✓ Lottery #%1 skipped: %2</source>
        <translation>✓ 第 %1 轮抽奖已跳过：%2</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>REHEARSAL ×%1</source>
        <translation>彩排 ×%1</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● 直播中</translation>
    </message>
    <message>
        <source>Show time</source>
        <translation>场次时长</translation>
    </message>
    <message>
        <source>This segment</source>
        <translation>本环节剩余</translation>
    </message>
    <message>
        <source>Show pace</source>
        <translation>整场进度</translation>
    </message>
    <message>
        <source>Ends at (clock)</source>
        <translation>预计下播（钟点）</translation>
    </message>
    <message>
        <source>Next lottery</source>
        <translation>下次抽奖</translation>
    </message>
    <message>
        <source>● No alerts</source>
        <translation>● 无预警</translation>
    </message>
    <message>
        <source>? QUESTION OPEN — show keys paused (Esc closes)</source>
        <translation>？ 提问中 — 节目快捷键已暂停（Esc 关闭）</translation>
    </message>
    <message>
        <source>⌨ TYPING — show keys paused (Esc leaves the field)</source>
        <translation>⌨ 正在输入 — 节目快捷键已暂停（Esc 退出输入框）</translation>
    </message>
    <message>
        <source>⌨ keys drive the show</source>
        <translation>⌨ 快捷键控制节目</translation>
    </message>
    <message>
        <source>RED</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <source>ORANGE</source>
        <translation>橙色预警</translation>
    </message>
    <message>
        <source>YELLOW</source>
        <translation>黄色预警</translation>
    </message>
    <message>
        <source>BLUE</source>
        <translation>蓝色预警</translation>
    </message>
    <message>
        <source>starts in %1</source>
        <translation>%1 后开播</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开播</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准点</translation>
    </message>
    <message>
        <source>slow %1</source>
        <translation>慢 %1</translation>
    </message>
    <message>
        <source>fast %1</source>
        <translation>快 %1</translation>
    </message>
    <message>
        <source>#%1 DUE</source>
        <translation>第 %1 轮 到点</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>Show</source>
        <translation>整场</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Hosts (、between)</source>
        <translation>主播（用、分隔）</translation>
    </message>
    <message>
        <source>Assistants</source>
        <translation>助播</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开播</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Targets (empty: none)</source>
        <translation>目标（留空：无）</translation>
    </message>
    <message>
        <source>GMV (¥)</source>
        <translation>成交金额（¥）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>转化率（%）</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>SKU pitch (s)</source>
        <translation>单品讲解（秒）</translation>
    </message>
    <message>
        <source>Lottery every (min)</source>
        <translation>抽奖间隔（分钟）</translation>
    </message>
    <message>
        <source>Warning before the end (s)</source>
        <translation>结束前提醒（秒）</translation>
    </message>
    <message>
        <source>Lottery warning (s)</source>
        <translation>抽奖提前提醒（秒）</translation>
    </message>
    <message>
        <source>This value cannot be read; it is not taken.</source>
        <translation>无法读取此值；未采用。</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keys — no action on air needs the mouse</source>
        <translation>快捷键 — 直播中所有操作都不需要鼠标</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source> (read, header on row {row})</source>
        <translation>（已读取，表头在第 {row} 行）</translation>
    </message>
    <message>
        <source>{file}: sheets: {names}</source>
        <translation>{file}：工作表：{names}</translation>
    </message>
    <message>
        <source>{file}: {read} rows read, {reported} reported → {segments} segments, {skus} SKUs, planned {planned}</source>
        <translation>{file}：读取 {read} 行，报告 {reported} 行 → {segments} 个环节，{skus} 个商品，计划 {planned}</translation>
    </message>
    <message>
        <source>{file}: nothing usable found; no show written</source>
        <translation>{file}：没有可用的内容；未写出脚本</translation>
    </message>
    <message>
        <source>there is no sheet “{sheet}”; the sheets are: {names}</source>
        <translation>没有工作表“{sheet}”；现有工作表：{names}</translation>
    </message>
    <message>
        <source>no header row found in the first rows (looked for columns such as 时间, 环节, 时长, 商品, 话术, 备注)</source>
        <translation>前几行中没有找到表头（查找的是 时间、环节、时长、商品、话术、备注 等列）</translation>
    </message>
    <message>
        <source>no sheet has a header row the importer recognises (columns such as 时间, 环节, 时长, 商品, 话术, 备注)</source>
        <translation>没有哪个工作表有可识别的表头（例如 时间、环节、时长、商品、话术、备注 等列）</translation>
    </message>
    <message>
        <source>unknown column, not read (--map &quot;{header}=FIELD&quot; to read it)</source>
        <translation>未知的列，未读取（用 --map &quot;{header}=字段&quot; 读取它）</translation>
    </message>
    <message>
        <source>the header row again; skipped</source>
        <translation>又是表头行；已跳过</translation>
    </message>
    <message>
        <source>no rows could be read below the header</source>
        <translation>表头下方没有能读取的行</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time; write 2026-11-27 20:00</source>
        <translation>“{value}”不是日期时间；请写成 2026-11-27 20:00</translation>
    </message>
    <message>
        <source>SKU id “{id}” must be letters, digits, - or _; a new one is used</source>
        <translation>商品 id“{id}”只能由字母、数字、- 或 _ 组成；已改用新的 id</translation>
    </message>
    <message>
        <source>a product pitch with no product; read as a custom segment</source>
        <translation>商品讲解没有对应商品；按自定义环节读取</translation>
    </message>
    <message>
        <source>id “{id}” is not usable (repeated, or not letters and digits); a new one is used</source>
        <translation>id“{id}”不可用（重复，或不是字母数字）；已改用新的 id</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>负责人：{owner}</translation>
    </message>
    <message>
        <source>the times give {seconds} s, not a usable duration</source>
        <translation>按时间推算为 {seconds} 秒，不是可用的时长</translation>
    </message>
    <message>
        <source>no duration, time span or next start time; 60 s assumed</source>
        <translation>没有时长、时间段或下一行开始时间；按 60 秒计</translation>
    </message>
    <message>
        <source>--map: there is no column “{column}”</source>
        <translation>--map：没有“{column}”这一列</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <source>{value} is not a usable number</source>
        <translation>{value} 不是可用的数字</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” is not a usable number</source>
        <translation>“{value}”不是可用的数字</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整数</translation>
    </message>
    <message>
        <source>duration {value} is not positive</source>
        <translation>时长 {value} 不是正数</translation>
    </message>
    <message>
        <source>duration {value} is over {hours} h</source>
        <translation>时长 {value} 超过 {hours} 小时</translation>
    </message>
    <message>
        <source>{value} is not a duration</source>
        <translation>{value} 不是时长</translation>
    </message>
    <message>
        <source>{value} is a date, not a duration</source>
        <translation>{value} 是日期，不是时长</translation>
    </message>
    <message>
        <source>read the time {value} as {minutes} min {seconds} s</source>
        <translation>已把时间 {value} 读作 {minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>“{value}” is not a duration</source>
        <translation>“{value}”不是时长</translation>
    </message>
    <message>
        <source>“{value}” is not a duration; write 90, 90秒, 1:30, 1分30秒 or 3分钟</source>
        <translation>“{value}”不是时长；请写成 90、90秒、1:30、1分30秒 或 3分钟</translation>
    </message>
    <message>
        <source>“{value}” is not a time of day; write 20:00 or 20:03:30</source>
        <translation>“{value}”不是时刻；请写成 20:00 或 20:03:30</translation>
    </message>
    <message>
        <source>export writes .xlsx or .csv, not “{suffix}”</source>
        <translation>导出只支持 .xlsx 或 .csv，不支持“{suffix}”</translation>
    </message>
    <message>
        <source>note: {message}</source>
        <translation>注意：{message}</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>is {size} MB; a rundown is read up to {limit} MB</source>
        <translation>大小为 {size} MB；脚本表格最多读取 {limit} MB</translation>
    </message>
    <message>
        <source>is an old Excel 97 .xls file; save it as .xlsx or .csv in Excel or WPS and import that</source>
        <translation>是旧版 Excel 97 .xls 文件；请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 再导入</translation>
    </message>
    <message>
        <source>is not a spreadsheet the console reads (.xlsx or .csv)</source>
        <translation>不是中控台能读取的表格（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>is neither UTF-8 nor GB18030/GBK text; unreadable characters are shown as �. Save it again as &quot;CSV UTF-8&quot;</source>
        <translation>既不是 UTF-8 也不是 GB18030/GBK 文本；无法识别的字符显示为 �。请重新另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>only the first {rows} rows are read; the rest is ignored</source>
        <translation>只读取前 {rows} 行；其余忽略</translation>
    </message>
    <message>
        <source>only the first {columns} columns are read</source>
        <translation>只读取前 {columns} 列</translation>
    </message>
    <message>
        <source>the CSV cannot be read past here: {reason}</source>
        <translation>CSV 从这里往后无法读取：{reason}</translation>
    </message>
    <message>
        <source>is not an .xlsx workbook (not a zip file: truncated, or another format renamed)</source>
        <translation>不是 .xlsx 工作簿（不是 zip 文件：文件被截断，或是其他格式改了扩展名）</translation>
    </message>
    <message>
        <source>is a damaged .xlsx: {reason}</source>
        <translation>是损坏的 .xlsx：{reason}</translation>
    </message>
    <message>
        <source>unpacks to {size} MB; a rundown is far smaller (refused as a possible zip bomb)</source>
        <translation>解压后有 {size} MB；脚本表格远小于此（疑似压缩炸弹，已拒绝）</translation>
    </message>
    <message>
        <source>a formula with no saved value ({formula}); open the file in Excel or WPS and save it</source>
        <translation>公式没有保存的计算结果（{formula}）；请在 Excel 或 WPS 中打开并保存该文件</translation>
    </message>
    <message>
        <source>the sheet says it has {claimed} rows; only the first {rows} rows are read</source>
        <translation>工作表声称有 {claimed} 行；只读取前 {rows} 行</translation>
    </message>
    <message>
        <source>the sheet says it has {claimed} columns; only the first {columns} columns are read</source>
        <translation>工作表声称有 {claimed} 列；只读取前 {columns} 列</translation>
    </message>
    <message>
        <source>nothing in the columns the importer reads; row skipped</source>
        <translation>导入读取的列中没有内容；已跳过该行</translation>
    </message>
    <message>
        <source>“{value}” is not a kind; it is read from the segment&apos;s words</source>
        <translation>“{value}”不是环节类型；已根据环节文字判断</translation>
    </message>
    <message>
        <source>a price must not be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>stock must not be negative</source>
        <translation>库存不能为负数</translation>
    </message>
    <message>
        <source>questions are written as lines 问：… and 答：…</source>
        <translation>问答请写成“问：…”和“答：…”两行</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>segment id</source>
        <translation>环节 id</translation>
    </message>
    <message>
        <source>segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <source>segment (环节): title and kind</source>
        <translation>环节：标题和类型</translation>
    </message>
    <message>
        <source>time or time span</source>
        <translation>时间或时间段</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>product (SKU name)</source>
        <translation>商品（商品名）</translation>
    </message>
    <message>
        <source>SKU id</source>
        <translation>商品 id</translation>
    </message>
    <message>
        <source>link number (链接号)</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>live price (到手价)</source>
        <translation>到手价</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>usage scenes</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>questions and answers</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>compliance notes</source>
        <translation>合规备注</translation>
    </message>
    <message>
        <source>host lines (主播/话术)</source>
        <translation>主播话术</translation>
    </message>
    <message>
        <source>assistant lines (助播)</source>
        <translation>助播话术</translation>
    </message>
    <message>
        <source>floor control (场控)</source>
        <translation>场控动作</translation>
    </message>
    <message>
        <source>cues, offers (福利/互动)</source>
        <translation>福利/互动</translation>
    </message>
    <message>
        <source>person responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>notes (备注/画面)</source>
        <translation>备注/画面</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Previous segment (starts it again)</source>
        <translation>上一环节（重新开始计时）</translation>
    </message>
    <message>
        <source>Undo the last advance</source>
        <translation>撤销上一次切换</translation>
    </message>
    <message>
        <source>Extend this segment by 15 s</source>
        <translation>本环节延长 15 秒</translation>
    </message>
    <message>
        <source>Shorten this segment by 15 s</source>
        <translation>本环节缩短 15 秒</translation>
    </message>
    <message>
        <source>Extend by 30 s</source>
        <translation>延长 30 秒</translation>
    </message>
    <message>
        <source>Hold / resume the segment timer</source>
        <translation>暂停/继续环节计时</translation>
    </message>
    <message>
        <source>Lottery fired</source>
        <translation>已抽奖</translation>
    </message>
    <message>
        <source>Write a note to the host</source>
        <translation>给主播写消息</translation>
    </message>
    <message>
        <source>Restart this segment (press R again to confirm)</source>
        <translation>本环节重新计时（再按一次 R 确认）</translation>
    </message>
    <message>
        <source>Jump to a segment: type its number or name, Enter</source>
        <translation>跳转环节：输入序号或名称，回车</translation>
    </message>
    <message>
        <source>Start the show (press S again to confirm)</source>
        <translation>开播（再按一次 S 确认）</translation>
    </message>
    <message>
        <source>End the show (press Ctrl+E again to confirm)</source>
        <translation>下播（再按一次 Ctrl+E 确认）</translation>
    </message>
    <message>
        <source>Postpone the lottery: 1/2/5/10 min</source>
        <translation>抽奖推迟：1/2/5/10 分钟</translation>
    </message>
    <message>
        <source>Skip the lottery: choose a reason 1–5, Enter</source>
        <translation>跳过抽奖：选择原因 1–5，回车</translation>
    </message>
    <message>
        <source>Close the prompt or leave a text field; otherwise clear the host&apos;s screen (crisis, then message, then lottery)</source>
        <translation>关闭提问栏或退出输入框；否则清除主播屏（先应急话术，再消息，再抽奖）</translation>
    </message>
    <message>
        <source>Send the note (the show keys come back)</source>
        <translation>发送消息（快捷键回到节目）</translation>
    </message>
    <message>
        <source>Send preset note 1 (wrap up)</source>
        <translation>发送预设 1（收尾）</translation>
    </message>
    <message>
        <source>Send preset note 2 (read the comments)</source>
        <translation>发送预设 2（看评论）</translation>
    </message>
    <message>
        <source>Send preset note 3 (say the link number)</source>
        <translation>发送预设 3（说链接号）</translation>
    </message>
    <message>
        <source>Push FAQ answer 1–5 of this product to the host</source>
        <translation>把本商品常见问题 1–5 的答案推送给主播</translation>
    </message>
    <message>
        <source>Type figures from the data screen</source>
        <translation>录入数据大屏上的数字</translation>
    </message>
    <message>
        <source>Search crisis scripts; Enter pushes</source>
        <translation>搜索应急话术；回车推送</translation>
    </message>
    <message>
        <source>Push crisis favourite 1–12 to the host</source>
        <translation>推送收藏的应急话术 1–12 给主播</translation>
    </message>
    <message>
        <source>Push crisis favourite 1–12 and hold the timer</source>
        <translation>推送收藏的应急话术 1–12 并暂停计时</translation>
    </message>
    <message>
        <source>Mark the crisis resolved</source>
        <translation>标记危机已解决</translation>
    </message>
    <message>
        <source>Show / hide the presenter view</source>
        <translation>显示/隐藏主播提词屏</translation>
    </message>
    <message>
        <source>Presenter view full screen on its monitor</source>
        <translation>主播提词屏在其显示器上全屏</translation>
    </message>
    <message>
        <source>Mirror the presenter view</source>
        <translation>主播提词屏镜像（提词器玻璃）</translation>
    </message>
    <message>
        <source>After a crash: start a new session instead of the resumed one (press again)</source>
        <translation>崩溃后：不接续，改为开始新的一场（再按一次确认）</translation>
    </message>
    <message>
        <source>Edit show… (script editor, its own window)</source>
        <translation>编辑脚本…（脚本编辑器，独立窗口）</translation>
    </message>
    <message>
        <source>Close the console (while live: press Ctrl+Q again)</source>
        <translation>关闭中控台（直播中：再按一次 Ctrl+Q）</translation>
    </message>
    <message>
        <source>Show / hide this key map</source>
        <translation>显示/隐藏快捷键表</translation>
    </message>
</context>
<context>
    <name>KpiGraphs</name>
    <message>
        <source>Online viewers · entries per minute</source>
        <translation>在线人数 · 每分钟进入人数</translation>
    </message>
    <message>
        <source>Interaction rate (people, last 5 min) %</source>
        <translation>互动率（人数，近 5 分钟）%</translation>
    </message>
    <message>
        <source>GMV (¥, cumulative) · per minute</source>
        <translation>成交金额（累计，元）· 每分钟</translation>
    </message>
    <message>
        <source>Conversion (people, last 5 min) %</source>
        <translation>成交转化率（人数，近 5 分钟）%</translation>
    </message>
    <message>
        <source>Orders (cumulative) · per minute</source>
        <translation>订单数（累计）· 每分钟</translation>
    </message>
    <message>
        <source>Average order value (¥, last 5 min)</source>
        <translation>客单价（元，近 5 分钟）</translation>
    </message>
    <message>
        <source>lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>show %1</source>
        <translation>场次 %1</translation>
    </message>
    <message>
        <source>online %1</source>
        <translation>在线 %1</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <source>Online</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV ¥</source>
        <translation>成交金额 ¥</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Conversion (people)</source>
        <translation>转化率（人数）</translation>
    </message>
    <message>
        <source>Interaction (people)</source>
        <translation>互动率（人数）</translation>
    </message>
    <message>
        <source>Avg order ¥</source>
        <translation>客单价 ¥</translation>
    </message>
    <message>
        <source>Type figures, e.g. 在线 8200 成交 3.56万 订单 412 — Enter (Ctrl+K)</source>
        <translation>录入数字，例如 在线 8200 成交 3.56万 订单 412 — 回车（Ctrl+K）</translation>
    </message>
    <message>
        <source>Last 10 min</source>
        <translation>近 10 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>近 1 小时</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <source>Alerts (Enter on one opens its crisis script)</source>
        <translation>预警（选中后回车打开建议话术）</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未录入：%1</translation>
    </message>
    <message>
        <source>Recorded %1 figure(s) at %2</source>
        <translation>已录入 %1 项，场次时间 %2</translation>
    </message>
    <message>
        <source>RAISED</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>%1 vs 5 min ago</source>
        <translation>较 5 分钟前 %1</translation>
    </message>
    <message>
        <source>%1 pts vs 5 min ago</source>
        <translation>较 5 分钟前 %1 个点</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>peak online</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Figures from:</source>
        <translation>数据来源：</translation>
    </message>
    <message>
        <source>nothing yet — type figures above</source>
        <translation>暂无 — 请在上方录入</translation>
    </message>
    <message>
        <source>· bridge: POST %1 (token %2)</source>
        <translation>· 数据桥：POST %1（令牌 %2）</translation>
    </message>
    <message>
        <source>· skipped: %1</source>
        <translation>· 已跳过：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>SKU pitch</source>
        <translation>单品讲解</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>限时秒杀</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>最后 %1 秒</translation>
    </message>
    <message>
        <source>OVERTIME</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待播</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>current</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>LinesPanel</name>
    <message>
        <source>Host lines</source>
        <translation>主播话术</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助播</translation>
    </message>
    <message>
        <source>Floor control</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>每行一条</translation>
    </message>
</context>
<context>
    <name>LotteryBanner</name>
    <message>
        <source>★ Lottery #%1 → the script&apos;s “%2” (segment %3)</source>
        <translation>★ 第 %1 轮抽奖 → 脚本中的“%2”（第 %3 环节）</translation>
    </message>
    <message>
        <source> — after this SKU</source>
        <translation> — 本品讲完后</translation>
    </message>
    <message>
        <source>★ LOTTERY #%1 DUE%2   ·   L fired   P postpone   K skip</source>
        <translation>★ 第 %1 轮抽奖到点%2   ·   L 已抽   P 推迟   K 跳过</translation>
    </message>
    <message>
        <source>★ Lottery #%1 in %2 — get the prizes ready</source>
        <translation>★ 第 %1 轮抽奖还有 %2 — 准备奖品</translation>
    </message>
    <message>
        <source>Lottery #%1 in %2</source>
        <translation>第 %1 轮抽奖 %2 后</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Import a rundown: check the columns</source>
        <translation>导入脚本表格：核对各列</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>No header row found on this sheet.</source>
        <translation>此工作表中没有找到表头行。</translation>
    </message>
    <message>
        <source>Header on row %1. Each column feeds the field chosen above it; columns with no field are not read. %2</source>
        <translation>表头在第 %1 行。每一列读入其上方所选的字段；未选字段的列不读取。%2</translation>
    </message>
    <message>
        <source>(The mapping remembered for these headers is used.)</source>
        <translation>（使用为这些表头记住的对应关系。）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>— not read —</source>
        <translation>— 不读取 —</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>NoteBox</name>
    <message>
        <source>Send
(Ctrl+Enter)</source>
        <translation>发送
（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Say the cart link number: %1</source>
        <translation>报链接号：%1 号链接</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Read the comments</source>
        <translation>看评论</translation>
    </message>
    <message>
        <source>On the host&apos;s screen now: %1</source>
        <translation>主播屏当前显示：%1</translation>
    </message>
    <message>
        <source>No note on the host&apos;s screen.</source>
        <translation>主播屏上没有消息。</translation>
    </message>
    <message>
        <source>Say the cart link number</source>
        <translation>说链接号</translation>
    </message>
    <message>
        <source>Message to the host, e.g. “价格说错了，是 99” — Ctrl+Enter sends</source>
        <translation>给主播的消息，例如“价格说错了，是 99” — Ctrl+回车 发送</translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <source>Live Console — %1</source>
        <translation>直播中控台 — %1</translation>
    </message>
    <message>
        <source>What the host sees now</source>
        <translation>主播此刻看到的画面</translation>
    </message>
    <message>
        <source>Rundown</source>
        <translation>流程单</translation>
    </message>
    <message>
        <source>Crisis scripts</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>关闭中控台</translation>
    </message>
    <message>
        <source>Note to host</source>
        <translation>给主播的消息</translation>
    </message>
    <message>
        <source>No Chinese font installed: text may show as boxes</source>
        <translation>未安装中文字体：文字可能显示为方框</translation>
    </message>
    <message>
        <source>error: {count} event(s) of session #{id} could not be saved to the database (see console.log)</source>
        <translation>错误：场次 #{id} 有 {count} 条事件未能保存到数据库（见 console.log）</translation>
    </message>
    <message>
        <source>The show is still running. Close the console? The session stays open and resumes when you start the console again.</source>
        <translation>直播仍在进行。要关闭中控台吗？本场记录会保留，下次启动时自动接续。</translation>
    </message>
    <message>
        <source>Internal error (logged in console.log); the show goes on.</source>
        <translation>内部错误（已记录到 console.log）；直播继续。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>直播(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lottery</source>
        <translation>抽奖(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Crisis scripts</source>
        <translation>应急话术(&amp;C)</translation>
    </message>
    <message>
        <source>New team script…</source>
        <translation>新建团队话术…</translation>
    </message>
    <message>
        <source>Edit the selected script…</source>
        <translation>编辑所选话术…</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Export the team&apos;s scripts…</source>
        <translation>导出团队话术…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Simulate a traffic cliff (rehearsal)</source>
        <translation>模拟流量断崖（彩排）</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language saved; it applies when the console starts again.</source>
        <translation>语言已保存，下次启动中控台时生效。</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Show ended — thank you, well done</source>
        <translation>已下播，辛苦了</translation>
    </message>
    <message>
        <source>Going live in %1</source>
        <translation>%1 后开播</translation>
    </message>
    <message>
        <source>Waiting to go live</source>
        <translation>等待开播</translation>
    </message>
    <message>
        <source>★ Lottery is the next segment</source>
        <translation>★ 抽奖是下一环节</translation>
    </message>
    <message>
        <source>★ Lottery coming up in the script</source>
        <translation>★ 抽奖环节马上到</translation>
    </message>
    <message>
        <source>★ Lottery in %1</source>
        <translation>★ 抽奖 %1</translation>
    </message>
    <message>
        <source>★ Lottery due</source>
        <translation>★ 抽奖到点</translation>
    </message>
    <message>
        <source>‖ ON HOLD</source>
        <translation>‖ 已暂停</translation>
    </message>
    <message>
        <source>✖ TIME IS UP — wrap this up</source>
        <translation>✖ 时间到 — 请收尾</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>%1 号链接</translation>
    </message>
    <message>
        <source>list ¥%1</source>
        <translation>原价 ¥%1</translation>
    </message>
    <message>
        <source>★ LOTTERY NOW ★</source>
        <translation>★ 现在抽奖 ★</translation>
    </message>
    <message>
        <source>★ LOTTERY — after this SKU ★</source>
        <translation>★ 本品讲完后抽奖 ★</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一项：%1</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>Presenter view — Live Console</source>
        <translation>主播提词屏 — 直播中控台</translation>
    </message>
    <message>
        <source>Presenter view on screen</source>
        <translation>主播提词屏所在显示器</translation>
    </message>
</context>
<context>
    <name>PromptBar</name>
    <message>
        <source>type here</source>
        <translation>在此输入</translation>
    </message>
    <message>
        <source>press a digit, then Enter</source>
        <translation>按数字键，再按回车</translation>
    </message>
    <message>
        <source>(nothing matches)</source>
        <translation>（没有匹配项）</translation>
    </message>
    <message>
        <source>Press the same key again, or 1 then Enter, to confirm. Esc or waiting cancels. Space does nothing here.</source>
        <translation>再按一次同一个键，或按 1 再按回车确认。Esc 或等待即取消。空格键在此无效。</translation>
    </message>
    <message>
        <source>Type a number or part of a name, ↑/↓ to choose, Enter to go, Esc to cancel.</source>
        <translation>输入序号或名称的一部分，↑/↓ 选择，回车跳转，Esc 取消。</translation>
    </message>
    <message>
        <source>Choose with a digit and/or type your own words, then Enter. Enter with nothing chosen cancels; so does Esc.</source>
        <translation>按数字选择，或输入自己的说明，然后回车。未选择时回车即取消；Esc 也取消。</translation>
    </message>
    <message>
        <source>Choose with a digit, then Enter. Enter with nothing chosen cancels; so does Esc.</source>
        <translation>按数字选择，然后回车。未选择时回车即取消；Esc 也取消。</translation>
    </message>
</context>
<context>
    <name>RehearseDialog</name>
    <message>
        <source>Rehearse this show</source>
        <translation>彩排本场</translation>
    </message>
    <message>
        <source>Start rehearsal</source>
        <translation>开始彩排</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>起始环节</translation>
    </message>
</context>
<context>
    <name>ResumeNotice</name>
    <message>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Resumed show #%1 《%2》</source>
        <translation>已接续第 %1 场直播《%2》</translation>
    </message>
    <message>
        <source>Resumed rehearsal #%1 《%2》</source>
        <translation>已接续第 %1 场彩排《%2》</translation>
    </message>
    <message>
        <source>the %1 the console was down is counted; the show goes on at %2.</source>
        <translation>中断 %1 已计入，从 %2 继续。</translation>
    </message>
    <message>
        <source>the downtime is not counted, as chosen; the show goes on at %2, where its log stopped.</source>
        <translation>按所选，中断时长未计入；从记录停止处 %2 继续。</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N: start a new session instead.</source>
        <translation>Ctrl+Shift+N：改为开始新的一场。</translation>
    </message>
    <message>
        <source>this session was not resumed</source>
        <translation>本场不是接续的场次</translation>
    </message>
    <message>
        <source>live show</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Close %1 #%2 as abandoned and start a new session? Its log stays in the database.</source>
        <translation>把第 %2 场%1作为中止关闭，开始新的一场？它的记录仍保留在数据库中。</translation>
    </message>
    <message>
        <source>Start a new session</source>
        <translation>开始新的一场</translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Plan start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>+/−</source>
        <translation>超/省</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>GMV ¥</source>
        <translation>成交金额 ¥</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>峰值在线</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>line longer than {limit} KiB</source>
        <translation>行长超过 {limit} KiB</translation>
    </message>
    <message>
        <source>unreadable line ({detail})</source>
        <translation>无法读取的行（{detail}）</translation>
    </message>
    <message>
        <source>not CSV ({detail})</source>
        <translation>不是 CSV（{detail}）</translation>
    </message>
    <message>
        <source>no known column in the header ({cells})</source>
        <translation>表头中没有可识别的列（{cells}）</translation>
    </message>
    <message>
        <source>not JSON ({detail})</source>
        <translation>不是 JSON（{detail}）</translation>
    </message>
    <message>
        <source>each line must be a JSON object</source>
        <translation>每一行必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;values&quot; must be a JSON object</source>
        <translation>“values”必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>time {text} is out of range</source>
        <translation>时间 {text} 超出范围</translation>
    </message>
    <message>
        <source>time {text} is not a date-time (2026-11-27 20:05:00)</source>
        <translation>时间 {text} 不是日期时间（例如 2026-11-27 20:05:00）</translation>
    </message>
    <message>
        <source>the file cannot be read ({detail})</source>
        <translation>文件无法读取（{detail}）</translation>
    </message>
    <message>
        <source>no figures in the sample</source>
        <translation>没有数字</translation>
    </message>
    <message>
        <source>unknown field &apos;{key}&apos;; known: {known}</source>
        <translation>不认识的字段 &apos;{key}&apos;；可用：{known}</translation>
    </message>
    <message>
        <source>{key}: expected a number, got {value}</source>
        <translation>{key}：应为数字，收到的是 {value}</translation>
    </message>
    <message>
        <source>{key}: a whole number of {digits} digits is too big to be a figure</source>
        <translation>{key}：{digits} 位的整数太大，不能作为数据</translation>
    </message>
    <message>
        <source>{key}: {value} is not a number</source>
        <translation>{key}：{value} 不是数字</translation>
    </message>
    <message>
        <source>{key}: {value} is not a plausible figure (0 … {max})</source>
        <translation>{key}：{value} 不是合理的数字（0 … {max}）</translation>
    </message>
    <message>
        <source>time {at} is more than a day from the show&apos;s clock ({now}); check the sender&apos;s clock and time zone</source>
        <translation>时间 {at} 与本场时钟（{now}）相差超过一天；请检查发送方的时钟和时区</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>“{word}” has no number after it</source>
        <translation>“{word}”后面没有数字</translation>
    </message>
    <message>
        <source>“{word}” is not a figure the console knows (try 在线, 进入, 成交, 订单, 成交人数, 点赞, 评论, 互动, 点击, 退款)</source>
        <translation>“{word}”不是可识别的数据名（可用：在线、进入、成交、订单、成交人数、点赞、评论、互动、点击、退款）</translation>
    </message>
    <message>
        <source>“{number}” has no name before it (e.g. 在线 {number})</source>
        <translation>“{number}”前面缺少数据名（例如：在线 {number}）</translation>
    </message>
</context>
<context>
    <name>Script</name>
    <message>
        <source>is empty</source>
        <translation>是空的</translation>
    </message>
    <message>
        <source>not found; check the path</source>
        <translation>找不到；请检查路径</translation>
    </message>
    <message>
        <source>is a folder, not a show file</source>
        <translation>是文件夹，不是脚本文件</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>is over {limit} MB, far more than any show, rule or crisis file; check that this is the right file</source>
        <translation>超过 {limit} MB，远大于任何脚本、规则或应急话术文件；请确认文件是否正确</translation>
    </message>
    <message>
        <source> (at the end of the file)</source>
        <translation>（在文件末尾）</translation>
    </message>
    <message>
        <source>is too deeply nested or holds too long a number to read</source>
        <translation>嵌套过深或数字过长，无法读取</translation>
    </message>
    <message>
        <source>unknown key (ignored); expected one of: {keys}</source>
        <translation>未知的键（已忽略）；可用的键：{keys}</translation>
    </message>
    <message>
        <source>a key of more than {limit} dotted parts; this is not a file the console reads</source>
        <translation>键名含超过 {limit} 个点分段；这不是中控台能读取的文件</translation>
    </message>
    <message>
        <source>arrays or tables nested more than {limit} deep; this is not a file the console reads</source>
        <translation>数组或表嵌套超过 {limit} 层；这不是中控台能读取的文件</translation>
    </message>
    <message>
        <source>a value of {count} characters ({digits} digits) starting {start}; numbers and dates are at most {limit}</source>
        <translation>值长 {count} 个字符（{digits} 位数字），开头为 {start}；数字和日期最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>expected {expected}, got {got} {value}</source>
        <translation>应为{expected}，实际为{got} {value}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限的数字，实际为 {value}</translation>
    </message>
    <message>
        <source>expected a list of strings, e.g. [&quot;…&quot;, &quot;…&quot;]</source>
        <translation>应为文字列表，例如 [&quot;…&quot;, &quot;…&quot;]</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>this console reads schema_version {ours}, the file says {theirs}</source>
        <translation>本中控台读取 schema_version {ours}，文件写的是 {theirs}</translation>
    </message>
    <message>
        <source>planned total {hours} h is longer than 24 h; check the durations</source>
        <translation>计划总时长 {hours} 小时，超过 24 小时；请检查各环节时长</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is a fraction (0.12 for 12 %), got {value}</source>
        <translation>应为小数（12% 写作 0.12），实际为 {value}</translation>
    </message>
    <message>
        <source>expected a table: [defaults]</source>
        <translation>应为表：[defaults]</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, got {value}</source>
        <translation>必须在 {low} 到 {high} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>{seconds} s per SKU is over the {standard} s standard</source>
        <translation>每个单品 {seconds} 秒，超过 {standard} 秒的标准</translation>
    </message>
    <message>
        <source>expected a [[{name}]] table</source>
        <translation>应为 [[{name}]] 表</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; must be letters, digits, - or _ (≤ 40)</source>
        <translation>&apos;{id}&apos; 只能由字母、数字、- 或 _ 组成（≤ 40 个）</translation>
    </message>
    <message>
        <source>duplicate id &apos;{id}&apos; (also {other})</source>
        <translation>id &apos;{id}&apos; 重复（{other} 也用了）</translation>
    </message>
    <message>
        <source>expected [[sku]] entries</source>
        <translation>应为 [[sku]] 条目</translation>
    </message>
    <message>
        <source>live price {live} is above list price {list}</source>
        <translation>到手价 {live} 高于日常价 {list}</translation>
    </message>
    <message>
        <source>{count} selling points; a 90 s pitch carries 1–3</source>
        <translation>{count} 个卖点；90 秒讲解最多讲 1–3 个</translation>
    </message>
    <message>
        <source>expected a list like [ { q = &quot;…&quot;, a = &quot;…&quot; } ]</source>
        <translation>应为这样的列表：[ { q = &quot;…&quot;, a = &quot;…&quot; } ]</translation>
    </message>
    <message>
        <source>a show needs at least one [[segment]]</source>
        <translation>脚本至少需要一个 [[segment]]</translation>
    </message>
    <message>
        <source>unknown kind &apos;{kind}&apos;; use one of: {kinds}</source>
        <translation>未知的类型 &apos;{kind}&apos;；请使用其中之一：{kinds}</translation>
    </message>
    <message>
        <source>an sku segment needs sku = &quot;&lt;id from [[sku]]&gt;&quot;</source>
        <translation>单品环节需要 sku = &quot;&lt;[[sku]] 中的 id&gt;&quot;</translation>
    </message>
    <message>
        <source>none defined</source>
        <translation>无</translation>
    </message>
    <message>
        <source>unknown SKU &apos;{sku}&apos; (known: {known})</source>
        <translation>未知的商品 &apos;{sku}&apos;（已定义：{known}）</translation>
    </message>
    <message>
        <source>a custom segment needs a duration, e.g. duration = &quot;2:00&quot;</source>
        <translation>自定义环节需要时长，例如 duration = &quot;2:00&quot;</translation>
    </message>
    <message>
        <source>{value} is not a duration; write seconds (90) or &quot;m:ss&quot; (&quot;1:30&quot;)</source>
        <translation>{value} 不是时长；请写秒数（90）或 &quot;分:秒&quot;（&quot;1:30&quot;）</translation>
    </message>
    <message>
        <source>must be positive, got {seconds} s</source>
        <translation>必须大于 0，实际为 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s is over {hours} h; did you mean &quot;{mmss}&quot;?</source>
        <translation>{seconds} 秒超过 {hours} 小时；是不是想写 &quot;{mmss}&quot;？</translation>
    </message>
    <message>
        <source>opening of {mmss} is over the 3:00 standard (brand awareness within 3 minutes)</source>
        <translation>开场 {mmss}，超过 3:00 的标准（3 分钟内建立品牌认知）</translation>
    </message>
    <message>
        <source>SKU pitch of {mmss} is over the 1:30 standard (≤ 90 s per SKU)</source>
        <translation>单品讲解 {mmss}，超过 1:30 的标准（每个单品 ≤ 90 秒）</translation>
    </message>
    <message>
        <source>save the file as UTF-8</source>
        <translation>请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>the file looks like GBK/GB18030; save it as UTF-8 (in Excel/Notepad: &apos;UTF-8&apos;)</source>
        <translation>文件看起来是 GBK/GB18030 编码；请另存为 UTF-8（在 Excel/记事本中选择“UTF-8”）</translation>
    </message>
    <message>
        <source>byte {byte} is not valid UTF-8; {hint}</source>
        <translation>字节 {byte} 不是有效的 UTF-8；{hint}</translation>
    </message>
    <message>
        <source> (column {column})</source>
        <translation>（第 {column} 列）</translation>
    </message>
    <message>
        <source>{message}; check quotes, brackets and &apos;=&apos; on this line</source>
        <translation>{message}；请检查这一行的引号、括号和“=”</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>SKU pitch</source>
        <translation>单品讲解</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Length (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助播</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>SKU id</source>
        <translation>商品 id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>到手价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Link no.</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Selling points (；between)</source>
        <translation>卖点（用；分隔）</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Compliance note</source>
        <translation>合规备注</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>SKU catalogue</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>整场</translation>
    </message>
    <message>
        <source>Add segment ▾</source>
        <translation>添加环节 ▾</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Rehearse…</source>
        <translation>彩排…</translation>
    </message>
    <message>
        <source>Add SKU</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>New show</source>
        <translation>新建脚本</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Duplicate segment</source>
        <translation>复制环节</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <source>Move segment up</source>
        <translation>环节上移</translation>
    </message>
    <message>
        <source>Move segment down</source>
        <translation>环节下移</translation>
    </message>
    <message>
        <source>Script editor — %1%2</source>
        <translation>脚本编辑器 — %1%2</translation>
    </message>
    <message>
        <source>Remove SKU</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>%1 segment(s) pitch %2. Remove it anyway? The segments keep the reference and are listed as problems until changed.</source>
        <translation>有 %1 个环节在讲解 %2。仍要删除吗？这些环节会保留对它的引用，并在修改前一直列为问题。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Rehearsal started in its own window (sessions in %1)</source>
        <translation>彩排已在独立窗口中开始（场次记录在 %1）</translation>
    </message>
    <message>
        <source>must fix</source>
        <translation>必须修改</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>“%1”: exempt — %2</source>
        <translation>“%1”：豁免 — %2</translation>
    </message>
    <message>
        <source>“%1”: %2, %3 (%4). Say instead: %5</source>
        <translation>“%1”：%2，%3（%4）。改为：%5</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>SegmentCard</name>
    <message>
        <source>Selling points</source>
        <translation>核心卖点</translation>
    </message>
    <message>
        <source>Host (主播)</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Assistant (助理)</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Floor control (场控)</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>FAQ (Ctrl+1… pushes the answer)</source>
        <translation>常见问题（Ctrl+1… 推送答案）</translation>
    </message>
    <message>
        <source>Cues and notes</source>
        <translation>提示与备注</translation>
    </message>
    <message>
        <source>Ready: press S, then S again, to start the rehearsal</source>
        <translation>准备就绪：按 S，再按一次 S 开始彩排</translation>
    </message>
    <message>
        <source>Ready: press S, then S again, to go live</source>
        <translation>准备就绪：按 S，再按一次 S 开播</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>%1 号链接</translation>
    </message>
    <message>
        <source>list ¥%1</source>
        <translation>原价 ¥%1</translation>
    </message>
    <message>
        <source>‖ ON HOLD</source>
        <translation>‖ 已暂停</translation>
    </message>
    <message>
        <source>The show has ended.</source>
        <translation>本场直播已结束。</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一项：%1</translation>
    </message>
    <message>
        <source>Next: end of show</source>
        <translation>下一项：下播</translation>
    </message>
    <message>
        <source>Live price ¥%1</source>
        <translation>到手价 ¥%1</translation>
    </message>
    <message>
        <source>Stock %1</source>
        <translation>库存 %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>the data folder holds unfinished session #{id} 《{title}》 ({mode}, started {started}), which ran a different script than {path}. Run that script to resume it, or add {flag} to close it as abandoned and start this one.</source>
        <translation>数据文件夹里有未结束的场次 #{id}《{title}》（{mode}，开始于 {started}），它运行的脚本与 {path} 不同。请运行那个脚本以继续该场次，或加上 {flag} 将它作废并开始这一场。</translation>
    </message>
    <message>
        <source>the data folder holds unfinished session #{id} 《{title}》 ({mode}), last active {hours} h ago — too long ago to be the same broadcast. Add {flag} to close it as abandoned and start afresh (its log stays in the database).</source>
        <translation>数据文件夹里有未结束的场次 #{id}《{title}》（{mode}），最后活动在 {hours} 小时前——太久了，不会是同一场直播。请加上 {flag} 将它作废并重新开始（它的记录仍保留在数据库中）。</translation>
    </message>
    <message>
        <source>unfinished session #{id} 《{title}》 is a LIVE show (started {started}, last active {last}); --new closes only rehearsals. Run again without --new to resume it, or add --abandon-live to close it as abandoned (its log stays in the database).</source>
        <translation>未结束的场次 #{id}《{title}》是一场直播（开始于 {started}，最后活动于 {last}）；--new 只会作废彩排。请去掉 --new 重新运行以继续该场次，或加上 --abandon-live 将它作废（它的记录仍保留在数据库中）。</translation>
    </message>
    <message>
        <source>unfinished session #{id} 《{title}》 ({mode}) cannot be resumed at the right time: the PC&apos;s clock now reads {duration} earlier than the session&apos;s last event, and the PC has restarted since, so the downtime cannot be measured. Run again with --downtime none to resume the show where its log stopped, or --downtime count to count the downtime the wall clock gives (none).</source>
        <translation>未结束的场次 #{id} 《{title}》（{mode}）无法在正确的时间点继续：电脑时钟现在比该场次最后一条事件早 {duration}，且电脑此后重启过，无法测出中断时长。请加 --downtime none 重新运行，从记录停止处继续；或加 --downtime count，按墙上时钟计入中断时长（此时为零）。</translation>
    </message>
    <message>
        <source>unfinished session #{id} 《{title}》 ({mode}) was last active {duration} ago by the PC&apos;s clock, but the PC has restarted since, so that cannot be checked; counting it as show time would log the segments and lottery cues of that time as if they had happened. Run again with --downtime count to count it, or --downtime none to resume the show where its log stopped.</source>
        <translation>按电脑时钟，未结束的场次 #{id} 《{title}》（{mode}）最后活动于 {duration} 之前，但电脑此后重启过，无法核实；把这段时间计入直播时长，会把期间的环节和抽奖当作已发生记入日志。请加 --downtime count 重新运行以计入，或加 --downtime none 从记录停止处继续。</translation>
    </message>
    <message>
        <source>Unfinished session #{id} 《{title}》 ({mode}): the PC&apos;s clock now reads {duration} earlier than its last event, and the PC has restarted since, so the downtime cannot be measured.</source>
        <translation>未结束的场次 #{id} 《{title}》（{mode}）：电脑时钟现在比它最后一条事件早 {duration}，且电脑此后重启过，无法测出中断时长。</translation>
    </message>
    <message>
        <source>Unfinished session #{id} 《{title}》 ({mode}) was last active {duration} ago by the PC&apos;s clock, but the PC has restarted since, so that cannot be checked. Counting it as show time logs the segments and lottery cues of that time as if they had happened.</source>
        <translation>按电脑时钟，未结束的场次 #{id} 《{title}》（{mode}）最后活动于 {duration} 之前，但电脑此后重启过，无法核实。若计入直播时长，期间的环节和抽奖会被当作已发生记入日志。</translation>
    </message>
</context>
<context>
    <name>ShowActions</name>
    <message>
        <source>the show is already running</source>
        <translation>节目已经开始</translation>
    </message>
    <message>
        <source>Start the rehearsal of “%1”?</source>
        <translation>开始彩排《%1》？</translation>
    </message>
    <message>
        <source>Go live with “%1” now?</source>
        <translation>现在开播《%1》？</translation>
    </message>
    <message>
        <source>Start the rehearsal</source>
        <translation>开始彩排</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>the show is not running</source>
        <translation>节目未在进行</translation>
    </message>
    <message>
        <source>The script has %1 must-fix wording problem(s) under the advertising law: %2. Go live anyway?</source>
        <translation>脚本中有 %1 处依广告法必须修改的用语：%2。仍要开播吗？</translation>
    </message>
    <message>
        <source>Go live anyway (this is logged)</source>
        <translation>仍然开播（将记入日志）</translation>
    </message>
    <message>
        <source>1 then Enter goes live; Esc does not. Fix the words with console lint or the show editor.</source>
        <translation>按 1 再按回车开播；Esc 不开播。请用 console lint 或脚本编辑器修改用语。</translation>
    </message>
    <message>
        <source>End the show now? This closes the session.</source>
        <translation>现在下播？本场记录将结束。</translation>
    </message>
    <message>
        <source>End the show</source>
        <translation>下播</translation>
    </message>
    <message>
        <source>Restart “%1” from its full time?</source>
        <translation>“%1”从头重新计时？</translation>
    </message>
    <message>
        <source>Restart the segment</source>
        <translation>重新计时</translation>
    </message>
    <message>
        <source>Jump to which segment?</source>
        <translation>跳转到哪个环节？</translation>
    </message>
    <message>
        <source> (on air)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Postpone lottery #%1 by how long?</source>
        <translation>第 %1 轮抽奖推迟多久？</translation>
    </message>
    <message>
        <source>platform throttling the room</source>
        <translation>平台限流</translation>
    </message>
    <message>
        <source>host is changing</source>
        <translation>主播在换装</translation>
    </message>
    <message>
        <source>prizes not ready</source>
        <translation>奖品未到位</translation>
    </message>
    <message>
        <source>too few viewers: keep it for the peak</source>
        <translation>人数太少，留到高峰</translation>
    </message>
    <message>
        <source>merged with the scripted lottery</source>
        <translation>并入脚本中的抽奖环节</translation>
    </message>
    <message>
        <source>Skip lottery #%1? Say why (it goes into the review).</source>
        <translation>跳过第 %1 轮抽奖？请说明原因（会写进复盘）。</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>用语</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Say instead</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2：%3</translation>
    </message>
    <message>
        <source>SKU %1: %2</source>
        <translation>商品 %1：%2</translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation>整场：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Planned %1 · %2 segments · %3 lottery cues (every %4 min)</source>
        <translation>计划 %1 · %2 个环节 · %3 次抽奖（每 %4 分钟）</translation>
    </message>
    <message>
        <source>Over the %1 limit for an opening</source>
        <translation>超过开场 %1 的上限</translation>
    </message>
    <message>
        <source>Over the %1 limit for a SKU pitch</source>
        <translation>超过单品讲解 %1 的上限</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>◆ Lottery cue #%1 (during %2)</source>
        <translation>◆ 第 %1 轮抽奖（在 %2 期间）</translation>
    </message>
    <message>
        <source>Problems: %1 error(s), %2 warning(s)</source>
        <translation>问题：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>Wording (广告法): %1 hit(s), %2 must fix</source>
        <translation>用语（广告法）：命中 %1 处，必须修改 %2 处</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>豁免</translation>
    </message>
</context>
<context>
    <name>StartupDialogs</name>
    <message>
        <source>Live Console — resume the show?</source>
        <translation>直播中控台——继续本场？</translation>
    </message>
    <message>
        <source>How long was the console down? The PC&apos;s clock cannot be trusted for this.</source>
        <translation>中控台中断了多久？电脑时钟在这里不可信。</translation>
    </message>
    <message>
        <source>Resume where the log stopped</source>
        <translation>从记录停止处继续</translation>
    </message>
    <message>
        <source>Count the downtime as show time</source>
        <translation>把中断时长计入直播时间</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Live Console — cannot start</source>
        <translation>直播中控台 — 无法启动</translation>
    </message>
    <message>
        <source>Another console is already running on this data folder.</source>
        <translation>这个数据文件夹已经有一个中控台在运行。</translation>
    </message>
    <message>
        <source>An unfinished session is in the way.</source>
        <translation>有一场未结束的场次挡住了启动。</translation>
    </message>
    <message>
        <source>The console cannot start.</source>
        <translation>中控台无法启动。</translation>
    </message>
    <message>
        <source>… and {count} more (Show Details…)</source>
        <translation>……还有 {count} 条（显示详情...）</translation>
    </message>
    <message>
        <source>The show file {name} cannot be used.</source>
        <translation>演出脚本 {name} 无法使用。</translation>
    </message>
    <message>
        <source>Correct these lines in the file, then start again:</source>
        <translation>请改正文件中的这些行，然后重新启动：</translation>
    </message>
</context>
<context>
    <name>TeamScripts</name>
    <message>
        <source>Import and export after the show: a file dialog would take the keys away from the show.</source>
        <translation>导入和导出请在下播后进行：文件对话框会占用节目快捷键。</translation>
    </message>
    <message>
        <source>Import crisis scripts</source>
        <translation>导入应急话术</translation>
    </message>
    <message>
        <source>Crisis scripts (*.toml)</source>
        <translation>应急话术 (*.toml)</translation>
    </message>
    <message>
        <source>Export the team&apos;s crisis scripts</source>
        <translation>导出团队的应急话术</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Crisis scripts not saved: %1</source>
        <translation>应急话术未保存：%1</translation>
    </message>
    <message>
        <source>✓ Team crisis scripts saved.</source>
        <translation>✓ 团队应急话术已保存。</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>language code: en</source>
        <translation>language code: zh_CN</translation>
    </message>
</context>
<context>
    <name>self.editor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The show has changes that are not saved. Save them?</source>
        <translation>脚本有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Save the show as</source>
        <translation>脚本另存为</translation>
    </message>
    <message>
        <source>Show files (*.toml)</source>
        <translation>脚本文件 (*.toml)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open a show or a rundown</source>
        <translation>打开脚本或脚本表格</translation>
    </message>
    <message>
        <source>Shows and rundowns (*.toml *.xlsx *.csv)</source>
        <translation>脚本和脚本表格 (*.toml *.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Nothing usable in %1</source>
        <translation>%1 中没有可用的内容</translation>
    </message>
</context>
</TS>
