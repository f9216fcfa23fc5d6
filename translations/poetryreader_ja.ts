<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Poetry Reader</source>
        <translation>Poetry Reader について</translation>
    </message>
    <message>
        <source>Poetry Reader %1</source>
        <translation>Poetry Reader %1</translation>
    </message>
    <message>
        <source>Fetches poems from poetry servers and shows every download: its progress, its poem as it arrives and, when it fails, why.</source>
        <translation>詩のサーバーから詩を取得し、すべてのダウンロードを表示します。進み具合、届いていく詩、そして失敗したときはその理由も。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Qt %1 でビルドされ、Qt %2 で動作しています。</translation>
    </message>
    <message>
        <source>After the clients of Dave Peticolas’s Twisted tutorial, with Qt’s event loop as the reactor. Free software under the MIT licence.</source>
        <translation>Dave Peticolas の Twisted チュートリアルのクライアントにならい、Qt のイベントループをリアクターとしています。MIT ライセンスのフリーソフトウェアです。</translation>
    </message>
</context>
<context>
    <name>AddServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation>サーバーの追加</translation>
    </message>
    <message>
        <source>10001, host:port or [IPv6]:port</source>
        <translation>10001、host:port または [IPv6]:port</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Optional; the address if empty</source>
        <translation>省略可。空の場合はアドレスを名前にします</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>アドレスの確認</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Will fetch from %1.</source>
        <translation>%1 から詩を取得します。</translation>
    </message>
    <message>
        <source>Type a port on this computer (10001), host:port or [IPv6]:port.</source>
        <translation>ローカルのポート（10001）、host:port または [IPv6]:port を入力してください。</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>サーバーの編集</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>「%1」はすでに一覧にあります。</translation>
    </message>
</context>
<context>
    <name>Address</name>
    <message>
        <source>The port is missing after “:”.</source>
        <translation>「:」の後にポートがありません。</translation>
    </message>
    <message>
        <source>The port “%1” is not a number.</source>
        <translation>ポート「%1」は数値ではありません。</translation>
    </message>
    <message>
        <source>The port %1 is out of range: it must be between 1 and 65535.</source>
        <translation>ポート %1 は範囲外です。1～65535 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The address is empty: type a port such as 10001, or host:port.</source>
        <translation>アドレスが空です。10001 のようなポート番号か host:port を入力してください。</translation>
    </message>
    <message>
        <source>The address “%1” contains a space.</source>
        <translation>アドレス「%1」に空白が含まれています。</translation>
    </message>
    <message>
        <source>The address “%1” is missing the closing “]” of its IPv6 address.</source>
        <translation>アドレス「%1」に IPv6 アドレスを閉じる「]」がありません。</translation>
    </message>
    <message>
        <source>The address “%1” has no port: write it as [%2]:port.</source>
        <translation>アドレス「%1」にポートがありません。[%2]:port の形式で入力してください。</translation>
    </message>
    <message>
        <source>Unexpected “%1” after “]” in “%2”: write it as [%3]:port.</source>
        <translation>「%2」の「]」の後に予期しない「%1」があります。[%3]:port の形式で入力してください。</translation>
    </message>
    <message>
        <source>“%1” is not a valid IPv6 address.</source>
        <translation>「%1」は有効な IPv6 アドレスではありません。</translation>
    </message>
    <message>
        <source>IPv6 addresses must be written in brackets, for example [::1]:10001.</source>
        <translation>IPv6 アドレスは [::1]:10001 のように角かっこで囲んで入力してください。</translation>
    </message>
    <message>
        <source>The host name is missing before “:” in “%1”.</source>
        <translation>「%1」の「:」の前にホスト名がありません。</translation>
    </message>
    <message>
        <source>The host name “%1” contains the character “%2”, which is not allowed in host names.</source>
        <translation>ホスト名「%1」に、ホスト名に使用できない文字「%2」が含まれています。</translation>
    </message>
    <message>
        <source>The host name is longer than 253 characters.</source>
        <translation>ホスト名が 253文字を超えています。</translation>
    </message>
    <message>
        <source>The host name “%1” has an empty label.</source>
        <translation>ホスト名「%1」に空のラベルがあります。</translation>
    </message>
    <message>
        <source>The address “%1” has no port: write it as %1:port, for example %1:10001.</source>
        <translation>アドレス「%1」にポートがありません。%1:port の形式で入力してください（例: %1:10001）。</translation>
    </message>
</context>
<context>
    <name>AutoRetry</name>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>%n 秒後に再試行</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic retry %1 of %2</source>
        <translation>自動再試行 %1/%2</translation>
    </message>
</context>
<context>
    <name>ByteChart</name>
    <message>
        <source>Bytes over time</source>
        <translation>時間ごとのバイト数</translation>
    </message>
    <message>
        <source>No bytes yet</source>
        <translation>まだバイトがありません</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 で %1</translation>
    </message>
</context>
<context>
    <name>BytesView</name>
    <message>
        <source>Raw bytes</source>
        <translation>生のバイト</translation>
    </message>
    <message>
        <source>+%1</source>
        <comment>time since the request was made</comment>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(他 %n 個)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Try “%1 --help”.</source>
        <translation>「%1 --help」で使い方を確認してください。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of at least %2, not “%3”.</source>
        <translation>--%1 には「%3」ではなく %2 以上の整数を指定してください。</translation>
    </message>
    <message>
        <source>--%1 takes seconds between 0 and %2, not “%3”.</source>
        <translation>--%1 には「%3」ではなく 0～%2 の秒数を指定してください。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number between %2 and %3, not “%4”.</source>
        <translation>--%1 には「%4」ではなく %2 から %3 までの整数を指定してください。</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Quit Poetry Reader</source>
        <translation>Poetry Reader を終了</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are still under way.</source>
        <translation>
            <numerusform>まだ %n 件のダウンロードが進行中です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them; what has arrived so far is not kept.</source>
        <translation>終了するとすべて取り消され、ここまでに受信した内容は保存されません。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Don’t ask again</source>
        <translation>今後は確認しない(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Servers</source>
        <translation>サーバーの削除</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n server(s) from the list?</source>
        <translation>
            <numerusform>一覧から %n 台のサーバーを削除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>resolving %1</source>
        <translation>%1 を名前解決中</translation>
    </message>
    <message>
        <source>resolved to %1</source>
        <translation>%1 に解決</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>%1 に接続中</translation>
    </message>
    <message>
        <source>attempt to %1 failed: %2</source>
        <translation>%1 への接続の試みに失敗: %2</translation>
    </message>
</context>
<context>
    <name>DemoServers</name>
    <message>
        <source>fast</source>
        <translation>高速</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>一定速度</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>低速</translation>
    </message>
    <message>
        <source>very slow</source>
        <translation>超低速</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Refuses connections</source>
        <translation>接続を拒否</translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation>応答停止</translation>
    </message>
    <message>
        <source>Resets half-way</source>
        <translation>途中でリセット</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message numerus="yes">
        <source>%n poem(s) arrived</source>
        <translation>
            <numerusform>詩が%n編届きました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>ダウンロード%n件が失敗しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s) arrived, %1 failed</source>
        <extracomment>%n poems, %1 failed downloads: &quot;7 poems arrived, 2 failed&quot;</extracomment>
        <translation>
            <numerusform>詩が%n編届き、%1件が失敗しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Failures</source>
        <translation>失敗を表示</translation>
    </message>
    <message>
        <source>Show Poems</source>
        <translation>詩を表示</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>名前解決中</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>受信中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>応答待ち</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止</translation>
    </message>
</context>
<context>
    <name>DownloadFilterModel</name>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <comment>downloads</comment>
        <translation>
            <numerusform>%n件中%1件を表示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 percent</source>
        <translation>%1 パーセント</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信量</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Done · %1</source>
        <translation>完了 · %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the phases of a download</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待ち時間</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>ウォーターフォール</translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message>
        <source>Select a download to read its poem as it arrives.</source>
        <translation>ダウンロードを選択すると、届いていく詩をその場で読めます。</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Save Poem</source>
        <translation>詩の保存</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The poem could not be saved to “%1”: %2</source>
        <translation>詩を「%1」に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>「%1」に保存しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>待機中 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>進行中 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>完了 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>失敗 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>キャンセル %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Poem</source>
        <translation>詩</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>タイミング</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>バイト</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The report could not be written to “%1”: %2</source>
        <translation>レポートを「%1」に書き込めませんでした: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n download(s) to “%1”.</source>
        <translation>
            <numerusform>%n 件のダウンロードを「%1」に書き込みました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Member %1 of %2 (%3):</source>
        <translation>メンバー %1/%2 (%3):</translation>
    </message>
</context>
<context>
    <name>FailurePane</name>
    <message>
        <source>while connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>waiting for the next byte</source>
        <translation>次のバイトの待機中</translation>
    </message>
    <message>
        <source>at the deadline</source>
        <translation>期限に到達</translation>
    </message>
    <message>
        <source>Traceback</source>
        <translation>トレースバック</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>詳細をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>サーバー:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>開始:</translation>
    </message>
    <message>
        <source>Ended after:</source>
        <translation>所要時間:</translation>
    </message>
    <message>
        <source>System error:</source>
        <translation>システムエラー:</translation>
    </message>
    <message>
        <source>Partial poem</source>
        <translation>受信できた部分</translation>
    </message>
    <message>
        <source>The download ended without a poem</source>
        <translation>詩を受信しないままダウンロードが終了しました。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (error %2)</source>
        <translation>%1（エラー %2）</translation>
    </message>
    <message>
        <source>Partial poem (%1)</source>
        <translation>受信できた部分（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>サーバー: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>開始: %1</translation>
    </message>
    <message>
        <source>Ended after: %1</source>
        <translation>所要時間: %1</translation>
    </message>
    <message>
        <source>System error: %1</source>
        <translation>システムエラー: %1</translation>
    </message>
    <message>
        <source>Partial poem (%1):</source>
        <translation>受信できた部分（%1）:</translation>
    </message>
    <message>
        <source>%1 (timed out %2)</source>
        <comment>failure message, then when the timeout struck</comment>
        <translation>%1（タイムアウト: %2）</translation>
    </message>
    <message>
        <source>[showing the first %1 of %2]</source>
        <translation>[%2 のうち最初の %1 を表示]</translation>
    </message>
    <message>
        <source>Traceback (most recent call last):</source>
        <translation>トレースバック（最新の呼び出しが最後）:</translation>
    </message>
    <message>
        <source>Attempt %1 of %2, started %3: %4</source>
        <translation>試行 %1/%2（開始 %3）: %4</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by server or address</source>
        <translation>サーバー名またはアドレスで絞り込み</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>フィルターの文字列</translation>
    </message>
    <message>
        <source>All States</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>状態フィルター</translation>
    </message>
    <message>
        <source>Show only downloads in these states</source>
        <translation>これらの状態のダウンロードだけを表示</translation>
    </message>
    <message>
        <source>Any Failure Kind</source>
        <translation>すべての失敗の種類</translation>
    </message>
    <message>
        <source>Failure kind filter</source>
        <translation>失敗の種類フィルター</translation>
    </message>
    <message>
        <source>Show only failures of this kind</source>
        <translation>この種類の失敗だけを表示</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>No States</source>
        <translation>状態なし</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>The states shown, as a list: &quot;Failed, Cancelled&quot;</extracomment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Futures</name>
    <message>
        <source>The request was cancelled</source>
        <translation>リクエストはキャンセルされました</translation>
    </message>
    <message>
        <source>an unknown exception</source>
        <translation>不明な例外</translation>
    </message>
    <message>
        <source>The chain failed: %1</source>
        <translation>処理の連鎖が失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every one of %n request(s) failed</source>
        <translation>
            <numerusform>%n 件のリクエストがすべて失敗しました</numerusform>
        </translation>
    </message>
    <message>
        <source>No result within %1 s</source>
        <translation>%1 秒以内に結果がありません</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>(empty poem)</source>
        <translation>（空の詩）</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>既読</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未読</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>お気に入り</translation>
    </message>
    <message>
        <source>Not a favourite</source>
        <translation>お気に入りではない</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>取得日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>LibraryRestore</name>
    <message>
        <source>Done · %1</source>
        <translation>完了 · %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message numerus="yes">
        <source>%n change(s) to the poem library could not be written.</source>
        <translation>
            <numerusform>詩のライブラリへの %n 件の変更を書き込めませんでした。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search the poems</source>
        <translation>詩を検索</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>ライブラリを検索</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>お気に入り</translation>
    </message>
    <message>
        <source>Mark the selected poems as favourites: they are never pruned</source>
        <translation>選択した詩をお気に入りにします。お気に入りは整理で削除されません</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>既読</translation>
    </message>
    <message>
        <source>Mark the selected poems as read or unread</source>
        <translation>選択した詩を既読または未読にします</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected poems from the library</source>
        <translation>選択した詩をライブラリから削除します</translation>
    </message>
    <message>
        <source>Clear History…</source>
        <translation>履歴を消去…</translation>
    </message>
    <message>
        <source>Forget every download; the poems stay</source>
        <translation>すべてのダウンロード履歴を消去します。詩は残ります</translation>
    </message>
    <message>
        <source>Library actions</source>
        <translation>ライブラリの操作</translation>
    </message>
    <message>
        <source>Poems in the library</source>
        <translation>ライブラリの詩</translation>
    </message>
    <message>
        <source>Poem text</source>
        <translation>詩の本文</translation>
    </message>
    <message>
        <source>Select a poem to read it.</source>
        <translation>読む詩を選択してください。</translation>
    </message>
    <message>
        <source>No poems yet: every poem received is kept here.</source>
        <translation>まだ詩はありません。受信した詩はすべてここに保存されます。</translation>
    </message>
    <message>
        <source>No poem contains “%1”.</source>
        <translation>「%1」を含む詩はありません。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n poems</source>
        <translation>
            <numerusform>最初の %n 編の詩</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s)</source>
        <translation>
            <numerusform>%n 編の詩</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>履歴を消去</translation>
    </message>
    <message>
        <source>Forget every download: the history, the servers’ last results and the last session’s downloads?</source>
        <translation>すべてのダウンロード（履歴、サーバーごとの最後の結果、前回のセッションのダウンロード）を消去しますか?</translation>
    </message>
    <message>
        <source>The poems in the library stay.</source>
        <translation>ライブラリの詩は残ります。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Poetry Reader</source>
        <translation>ポエトリーリーダー</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <source>The demo servers could not be started.</source>
        <translation>デモサーバーを起動できませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>Started %n demo server(s) on this computer.</source>
        <translation>
            <numerusform>このコンピューターでデモサーバーを%n台起動しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>取得</translation>
    </message>
    <message>
        <source>Start Demo Servers</source>
        <translation>デモサーバーを起動</translation>
    </message>
    <message>
        <source>Fetch from the command line</source>
        <translation>コマンドラインから取得</translation>
    </message>
    <message>
        <source>Fetch All</source>
        <translation>すべて取得</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Retry All Failed</source>
        <translation>失敗したものをすべて再試行</translation>
    </message>
    <message>
        <source>%1 of %2 — Poetry Reader</source>
        <translation>%2 件中 %1 件 — Poetry Reader</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this message</source>
        <translation>このメッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>PhaseTimeline</name>
    <message>
        <source>Waiting for first byte</source>
        <translation>最初のバイト待ち</translation>
    </message>
    <message>
        <source>Trying</source>
        <translation>試行中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>PoemJob</name>
    <message>
        <source>queued</source>
        <translation>待ち行列に追加</translation>
    </message>
    <message>
        <source>The request was cancelled</source>
        <translation>リクエストはキャンセルされました</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>The poem was not complete by the deadline of %1 s</source>
        <translation>期限の %1 秒までに詩を受け取りきれませんでした</translation>
    </message>
    <message>
        <source>deadline reached</source>
        <translation>期限に到達</translation>
    </message>
    <message>
        <source>out of file descriptors; queued again</source>
        <translation>ファイル記述子が不足したため再び待ち行列へ</translation>
    </message>
</context>
<context>
    <name>PoemLibrary</name>
    <message>
        <source>The disk is full: the library “%1” cannot save more downloads now (%2 waiting). They are kept and saved as soon as there is room.</source>
        <translation>ディスクがいっぱいです。ライブラリ「%1」には今はこれ以上ダウンロードを保存できません（待機中 %2 件）。ダウンロードは保持され、空きができしだい保存されます。</translation>
    </message>
    <message>
        <source>The library “%1” is in use by another program: downloads are kept (%2 waiting) and saved when it is free.</source>
        <translation>ライブラリ「%1」は別のプログラムが使用中です。ダウンロードは保持され（待機中 %2 件）、使えるようになったら保存されます。</translation>
    </message>
    <message>
        <source>The library “%1” could not be written (%2): downloads are kept (%3 waiting) and saved when it works again.</source>
        <translation>ライブラリ「%1」に書き込めませんでした（%2）。ダウンロードは保持され（待機中 %3 件）、書き込めるようになったら保存されます。</translation>
    </message>
    <message>
        <source>The library “%1” is damaged (%2) and could not be set aside. Poems received now are kept until the program ends, not saved.</source>
        <translation>ライブラリ「%1」は壊れており（%2）、退避できませんでした。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>“%1” is not a Poetry Reader library. It was kept as “%2” and a new, empty library was started.</source>
        <translation>「%1」は Poetry Reader のライブラリではありません。このファイルは「%2」として保存し、空の新しいライブラリを開始しました。</translation>
    </message>
    <message>
        <source>The library “%1” was damaged (%2). It was kept as “%3” and a new, empty library was started.</source>
        <translation>ライブラリ「%1」が壊れていました（%2）。このファイルは「%3」として保存し、空の新しいライブラリを開始しました。</translation>
    </message>
    <message>
        <source>The library “%1” was written by a newer version of Poetry Reader. It is left as it is; poems received now are kept until the program ends, not saved.</source>
        <translation>ライブラリ「%1」は新しいバージョンの Poetry Reader で書かれています。ファイルはそのままにします。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>The library “%1” is in use by another program (another Poetry Reader?). Poems received now are kept until the program ends, not saved.</source>
        <translation>ライブラリ「%1」は別のプログラム（別の Poetry Reader？）が使用中です。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>The library “%1” cannot be written (%2). Poems received now are kept until the program ends, not saved.</source>
        <translation>ライブラリ「%1」に書き込めません（%2）。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>The disk is full: the library “%1” cannot be opened. Poems received now are kept until the program ends, not saved.</source>
        <translation>ディスクがいっぱいのため、ライブラリ「%1」を開けません。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>The library “%1” could not be opened (%2). Poems received now are kept until the program ends, not saved.</source>
        <translation>ライブラリ「%1」を開けませんでした（%2）。今受け取る詩はプログラムの終了まで保持されますが、保存はされません。</translation>
    </message>
    <message>
        <source>The library “%1” refused %2 changes (%3); they were not saved.</source>
        <translation>ライブラリ「%1」は %2 件の変更を拒否しました（%3）。これらの変更は保存されていません。</translation>
    </message>
</context>
<context>
    <name>PoemPane</name>
    <message>
        <source>Poem</source>
        <translation>詩</translation>
    </message>
    <message>
        <source>Waiting for the first line…</source>
        <translation>最初の行を待っています…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>showing the first %1; save the poem to read it all</source>
        <translation>最初の %1 のみ表示しています。全文を読むには詩を保存してください</translation>
    </message>
    <message>
        <source>some bytes were not valid UTF-8 and show as �</source>
        <translation>一部のバイトが有効な UTF-8 ではないため � と表示しています</translation>
    </message>
    <message>
        <source>Find in the poem</source>
        <translation>詩の中を検索</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
</context>
<context>
    <name>PoetryFetcher</name>
    <message>
        <source>invalid address “%1”</source>
        <translation>無効なアドレス「%1」</translation>
    </message>
</context>
<context>
    <name>PoetryProtocol</name>
    <message>
        <source>DNS lookup failed: address “%1” not found</source>
        <translation>DNS 検索に失敗しました: アドレス「%1」が見つかりません</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>ホストが見つかりません</translation>
    </message>
    <message>
        <source>Connection to the other side was lost in a non-clean fashion</source>
        <translation>相手側との接続が正常に閉じられずに切断されました</translation>
    </message>
    <message numerus="yes">
        <source>connection reset after %n byte(s)</source>
        <translation>
            <numerusform>%nバイト受信後に接続がリセット</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection was refused by other side</source>
        <translation>相手側に接続を拒否されました</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out</source>
        <translation>%1 への接続がタイムアウトしました</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>%1 に接続できませんでした</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>接続できません</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out after %2 s</source>
        <translation>%1 への接続が %2秒後にタイムアウトしました。</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s</source>
        <translation>サーバーから %1秒間何も送られてきませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>idle timeout after %n byte(s)</source>
        <translation>
            <numerusform>%nバイト受信後に無通信タイムアウト</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not use the connection to %1</source>
        <translation>%1 との接続を使用できませんでした</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>ネットワークエラー</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>%1 に接続しました</translation>
    </message>
    <message>
        <source>first byte</source>
        <translation>最初のバイトを受信</translation>
    </message>
    <message>
        <source>The poem is larger than the limit of %1; the first %1 were kept</source>
        <translation>詩が上限の %1 を超えています。最初の %1 のみ保持しました。</translation>
    </message>
    <message>
        <source>size limit reached</source>
        <translation>サイズ上限に到達</translation>
    </message>
    <message numerus="yes">
        <source>connection lost after %n byte(s)</source>
        <translation>
            <numerusform>%nバイト受信後に接続が切断</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closed by the server after %n byte(s)</source>
        <translation>
            <numerusform>%nバイト受信後にサーバーが接続を終了</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestTrace</name>
    <message>
        <source>request #%1 made at %2:%3 in %4</source>
        <translation>リクエスト #%1: %2:%3 の %4 で作成</translation>
    </message>
    <message>
        <source>user action: %1</source>
        <translation>ユーザー操作: %1</translation>
    </message>
    <message>
        <source>+%1 s  %2</source>
        <comment>seconds since the request, then the step</comment>
        <translation>+%1 秒  %2</translation>
    </message>
</context>
<context>
    <name>ServerListIo</name>
    <message>
        <source>Text files (*.txt *.list);;All files (*)</source>
        <translation>テキストファイル (*.txt *.list);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>a line holds addresses, or a name and then one address</source>
        <translation>1行には複数のアドレス、または名前と1つのアドレスを書きます</translation>
    </message>
    <message>
        <source>Line %1: “%2”: %3</source>
        <translation>%1行目: 「%2」: %3</translation>
    </message>
    <message>
        <source>Import Servers</source>
        <translation>サーバーのインポート</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read as a server.</source>
        <translation>
            <numerusform>%n行をサーバーとして読み取れませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is too large to be a list of servers.</source>
        <translation>「%1」はサーバー一覧としては大きすぎます。</translation>
    </message>
    <message>
        <source>“%1” could not be read: %2</source>
        <translation>「%1」を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>Export Servers</source>
        <translation>サーバーのエクスポート</translation>
    </message>
    <message>
        <source>The servers could not be saved to “%1”: %2</source>
        <translation>サーバー一覧を「%1」に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Exported the servers to “%1”.</source>
        <translation>サーバー一覧を「%1」にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <source>%1 — a demo server inside this program</source>
        <translation>%1 — このプログラム内のデモサーバー</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>前回の結果</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Servers</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>No servers yet. Add the address of a poetry server, or start the demo servers that come with Poetry Reader.</source>
        <translation>まだサーバーがありません。詩のサーバーのアドレスを追加するか、Poetry Reader に付属のデモサーバーを起動してください。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n server(s).</source>
        <translation>
            <numerusform>サーバーを%n台追加しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>接続タイムアウト(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>無通信タイムアウト(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>全体の期限(&amp;D):</translation>
    </message>
    <message>
        <source>Largest &amp;poem:</source>
        <translation>詩の最大サイズ(&amp;P):</translation>
    </message>
    <message>
        <source>Connections at &amp;once:</source>
        <translation>同時接続数(&amp;O):</translation>
    </message>
    <message>
        <source>The new limits apply to the downloads started from now on.</source>
        <translation>新しい制限は、これから開始するダウンロードに適用されます。</translation>
    </message>
    <message>
        <source>&amp;Notify me when downloads end while the window is in the background</source>
        <translation>ウィンドウが背面にあるときにダウンロードが終わったら通知する(&amp;N)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 回</translation>
    </message>
    <message>
        <source>Refused, timed-out and lost connections and network errors are fetched again after a wait that doubles each time</source>
        <translation>拒否・タイムアウト・切断された接続とネットワークエラーは、毎回倍になる待ち時間の後にもう一度取得します</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>すぐに</translation>
    </message>
    <message>
        <source>&amp;Retry failures:</source>
        <translation>失敗の再試行(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;First retry within:</source>
        <translation>最初の再試行までの上限(&amp;F):</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Favourites are always kept</source>
        <translation>お気に入りは常に残ります</translation>
    </message>
    <message>
        <source>Library &amp;keeps at most:</source>
        <translation>ライブラリの上限(&amp;K):</translation>
    </message>
    <message>
        <source>…and poems no older &amp;than:</source>
        <translation>…かつ次より新しい詩のみ(&amp;T):</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>it cannot be moved</source>
        <translation>移動できません</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>読み込めません</translation>
    </message>
    <message>
        <source>The settings file “%1” could not be read (%2). The program started with the default settings; the file was moved to “%3”.</source>
        <translation>設定ファイル「%1」を読み込めませんでした（%2）。プログラムは既定の設定で起動しました。このファイルは「%3」に移動しました。</translation>
    </message>
    <message>
        <source>The settings file “%1” was damaged. The program started with the default settings; the damaged file was kept as “%2”.</source>
        <translation>設定ファイル「%1」が壊れていました。プログラムは既定の設定で起動しました。壊れたファイルは「%2」として保存してあります。</translation>
    </message>
    <message>
        <source>Some settings in “%1” were not valid and are back to their defaults: %2.</source>
        <translation>「%1」の一部の設定が正しくなかったため、既定値に戻しました: %2。</translation>
    </message>
    <message>
        <source>Some settings in “%1” were not valid and are back to their defaults: %2. The file as it was is kept as “%3”.</source>
        <translation>「%1」の一部の設定が正しくなかったため、既定値に戻しました: %2。元のファイルは「%3」として保存してあります。</translation>
    </message>
    <message>
        <source>The settings file “%1” could not be read or repaired (%2). The program uses the default settings and may not be able to save changes.</source>
        <translation>設定ファイル「%1」を読み込むことも修復することもできませんでした（%2）。プログラムは既定の設定を使います。変更を保存できない場合があります。</translation>
    </message>
</context>
<context>
    <name>SettingsLock</name>
    <message>
        <source>“%1” is a folder, not a lock file</source>
        <translation>「%1」はロックファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>“%1” is not a lock file</source>
        <translation>「%1」はロックファイルではありません</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is held by another program and was not released within %n second(s)</source>
        <translation>
            <numerusform>「%1」は別のプログラムが保持しており、%n秒以内に解放されませんでした</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsWriter</name>
    <message>
        <source>Settings could not be saved to “%1”: %2. Changes made now will be lost when the program ends.</source>
        <translation>設定を「%1」に保存できませんでした: %2。今行った変更はプログラムの終了時に失われます。</translation>
    </message>
    <message>
        <source>Settings could not be saved to “%1”: changes made now will be lost when the program ends.</source>
        <translation>設定を「%1」に保存できませんでした。ここで行った変更は、プログラムを終了すると失われます。</translation>
    </message>
</context>
<context>
    <name>TimingView</name>
    <message>
        <source>+%1</source>
        <comment>time since the request was made</comment>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>フェーズ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>フェーズ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Connection attempts</source>
        <translation>接続の試行</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>タイミング</translation>
    </message>
    <message>
        <source>Timing summary</source>
        <translation>タイミングの概要</translation>
    </message>
    <message>
        <source>No download selected.</source>
        <translation>ダウンロードが選択されていません。</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1(現在まで)</translation>
    </message>
    <message>
        <source>Running for %1.</source>
        <translation>%1 経過、実行中です。</translation>
    </message>
    <message>
        <source>Failed after %1: %2</source>
        <translation>%1 後に失敗: %2</translation>
    </message>
    <message>
        <source>Finished in %1.</source>
        <translation>%1 で完了しました。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1 に接続しました。</translation>
    </message>
</context>
<context>
    <name>WaterfallDelegate</name>
    <message>
        <source>%1 so far</source>
        <translation>現在まで %1</translation>
    </message>
    <message>
        <source>%1: %2 (at +%3)</source>
        <translation>%1: %2(+%3 に開始)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add Server…</source>
        <translation>サーバーを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation>サーバーを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>サーバーを削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Servers…</source>
        <translation>サーバーをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Servers from &amp;Clipboard</source>
        <translation>クリップボードからサーバーをインポート(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport Servers…</source>
        <translation>サーバーをエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Start &amp;Demo Servers</source>
        <translation>デモサーバーを起動(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>取得(&amp;F)</translation>
    </message>
    <message>
        <source>Fetch &amp;All</source>
        <translation>すべて取得(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel A&amp;ll</source>
        <translation>すべてキャンセル(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Poem</source>
        <translation>詩をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save Poem…</source>
        <translation>詩を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>Clear &amp;Finished</source>
        <translation>終了済みを消去(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Poetry Reader</source>
        <translation>ポエトリーリーダーについて(&amp;A)</translation>
    </message>
    <message>
        <source>Add a poetry server to the list</source>
        <translation>一覧に詩サーバーを追加します</translation>
    </message>
    <message>
        <source>Fetch a poem from each selected server</source>
        <translation>選択した各サーバーから詩を取得します</translation>
    </message>
    <message>
        <source>Fetch a poem from every server in the list</source>
        <translation>一覧のすべてのサーバーから詩を取得します</translation>
    </message>
    <message>
        <source>Cancel the selected downloads</source>
        <translation>選択したダウンロードをキャンセルします</translation>
    </message>
    <message>
        <source>Fetch the selected downloads again</source>
        <translation>選択したダウンロードをもう一度取得します</translation>
    </message>
    <message>
        <source>Remove the downloads that have ended</source>
        <translation>終了したダウンロードを一覧から消去します</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>サーバー(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation>ダウンロード(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>設定(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Retry All F&amp;ailed</source>
        <translation>失敗したものをすべて再試行(&amp;A)</translation>
    </message>
    <message>
        <source>Fetch every failed download again</source>
        <translation>失敗したダウンロードをすべてもう一度取得します</translation>
    </message>
    <message>
        <source>Copy as Co&amp;mmand</source>
        <translation>コマンドとしてコピー(&amp;M)</translation>
    </message>
    <message>
        <source>Copy the get-poetry command line that repeats the download</source>
        <translation>このダウンロードを繰り返す get-poetry のコマンドラインをコピーします</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>再開(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xport Report…</source>
        <translation>レポートをエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Stop reading the selected downloads; the server waits</source>
        <translation>選択したダウンロードの読み込みを止めます。サーバーは待機します</translation>
    </message>
    <message>
        <source>Read the paused downloads again</source>
        <translation>一時停止したダウンロードの読み込みを再開します</translation>
    </message>
    <message>
        <source>Write the downloads shown as a JSON report, as get-poetry --report does</source>
        <translation>表示中のダウンロードを get-poetry --report と同じ JSON レポートとして書き出します</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Fetches poems from poetry servers and shows every download as it happens.
ADDRESS is a port on this machine (10001), host:port or [IPv6]:port; each one is added to the server list and fetched.
The first start shows the built-in demo servers.</source>
        <translation>詩サーバーから詩を取得し、すべてのダウンロードをリアルタイムで表示します。
ADDRESS はこのコンピューターのポート（10001）、host:port または [IPv6]:port です。それぞれサーバー一覧に追加して取得します。
初回起動時には内蔵のデモサーバーを表示します。</translation>
    </message>
    <message>
        <source>Start the built-in demo servers and fetch from them.</source>
        <translation>内蔵のデモサーバーを起動して詩を取得します。</translation>
    </message>
    <message>
        <source>Poetry servers to fetch.</source>
        <translation>詩を取得する詩サーバー。</translation>
    </message>
    <message>
        <source>Poetry Reader</source>
        <translation>ポエトリーリーダー</translation>
    </message>
    <message>
        <source>Show the program in LANGUAGE (%1) instead of the system’s language.</source>
        <translation>システムの言語の代わりに LANGUAGE（%1）でプログラムを表示します。</translation>
    </message>
    <message>
        <source>Unknown language “%1”: choose one of %2.</source>
        <translation>不明な言語「%1」です。%2 のいずれかを指定してください。</translation>
    </message>
</context>
</TS>
