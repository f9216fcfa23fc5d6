<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Poetry Reader</source>
        <translation>Poetry Reader 정보</translation>
    </message>
    <message>
        <source>Poetry Reader %1</source>
        <translation>Poetry Reader %1</translation>
    </message>
    <message>
        <source>Fetches poems from poetry servers and shows every download: its progress, its poem as it arrives and, when it fails, why.</source>
        <translation>시 서버에서 시를 받아 모든 다운로드를 보여 줍니다. 진행 상황, 도착하는 대로의 시, 그리고 실패했을 때는 그 이유까지.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Qt %1(으)로 빌드했고 Qt %2에서 실행 중입니다.</translation>
    </message>
    <message>
        <source>After the clients of Dave Peticolas’s Twisted tutorial, with Qt’s event loop as the reactor. Free software under the MIT licence.</source>
        <translation>Dave Peticolas의 Twisted 튜토리얼 클라이언트를 본떠, Qt의 이벤트 루프를 리액터로 삼았습니다. MIT 라이선스의 자유 소프트웨어입니다.</translation>
    </message>
</context>
<context>
    <name>AddServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation>서버 추가</translation>
    </message>
    <message>
        <source>10001, host:port or [IPv6]:port</source>
        <translation>10001, host:port 또는 [IPv6]:port</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Optional; the address if empty</source>
        <translation>선택 사항. 비워 두면 주소를 이름으로 씁니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>주소 확인</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Will fetch from %1.</source>
        <translation>%1에서 시를 받습니다.</translation>
    </message>
    <message>
        <source>Type a port on this computer (10001), host:port or [IPv6]:port.</source>
        <translation>이 컴퓨터의 포트(10001), host:port 또는 [IPv6]:port를 입력하세요.</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>서버 편집</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>“%1”은(는) 이미 목록에 있습니다.</translation>
    </message>
</context>
<context>
    <name>Address</name>
    <message>
        <source>The port is missing after “:”.</source>
        <translation>“:” 뒤에 포트가 없습니다.</translation>
    </message>
    <message>
        <source>The port “%1” is not a number.</source>
        <translation>포트 “%1”은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>The port %1 is out of range: it must be between 1 and 65535.</source>
        <translation>포트 %1이(가) 범위를 벗어났습니다. 1에서 65535 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The address is empty: type a port such as 10001, or host:port.</source>
        <translation>주소가 비어 있습니다. 10001 같은 포트나 host:port를 입력하세요.</translation>
    </message>
    <message>
        <source>The address “%1” contains a space.</source>
        <translation>주소 “%1”에 공백이 있습니다.</translation>
    </message>
    <message>
        <source>The address “%1” is missing the closing “]” of its IPv6 address.</source>
        <translation>주소 “%1”에 IPv6 주소를 닫는 “]”가 없습니다.</translation>
    </message>
    <message>
        <source>The address “%1” has no port: write it as [%2]:port.</source>
        <translation>주소 “%1”에 포트가 없습니다. [%2]:port 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>Unexpected “%1” after “]” in “%2”: write it as [%3]:port.</source>
        <translation>“%2”의 “]” 뒤에 예상하지 못한 “%1”이(가) 있습니다. [%3]:port 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>“%1” is not a valid IPv6 address.</source>
        <translation>“%1”은(는) 올바른 IPv6 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>IPv6 addresses must be written in brackets, for example [::1]:10001.</source>
        <translation>IPv6 주소는 [::1]:10001처럼 대괄호로 감싸서 써야 합니다.</translation>
    </message>
    <message>
        <source>The host name is missing before “:” in “%1”.</source>
        <translation>“%1”에서 “:” 앞에 호스트 이름이 없습니다.</translation>
    </message>
    <message>
        <source>The host name “%1” contains the character “%2”, which is not allowed in host names.</source>
        <translation>호스트 이름 “%1”에 호스트 이름에 쓸 수 없는 문자 “%2”이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The host name is longer than 253 characters.</source>
        <translation>호스트 이름이 253자보다 깁니다.</translation>
    </message>
    <message>
        <source>The host name “%1” has an empty label.</source>
        <translation>호스트 이름 “%1”에 빈 레이블이 있습니다.</translation>
    </message>
    <message>
        <source>The address “%1” has no port: write it as %1:port, for example %1:10001.</source>
        <translation>주소 “%1”에 포트가 없습니다. %1:port 형식으로 쓰세요(예: %1:10001).</translation>
    </message>
</context>
<context>
    <name>AutoRetry</name>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>%n초 후 다시 시도</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic retry %1 of %2</source>
        <translation>자동 재시도 %1/%2</translation>
    </message>
</context>
<context>
    <name>ByteChart</name>
    <message>
        <source>Bytes over time</source>
        <translation>시간별 바이트</translation>
    </message>
    <message>
        <source>No bytes yet</source>
        <translation>아직 받은 바이트 없음</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 동안 %1</translation>
    </message>
</context>
<context>
    <name>BytesView</name>
    <message>
        <source>Raw bytes</source>
        <translation>원시 바이트</translation>
    </message>
    <message>
        <source>+%1</source>
        <comment>time since the request was made</comment>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n개 더)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Try “%1 --help”.</source>
        <translation>“%1 --help”로 사용법을 확인하세요.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of at least %2, not “%3”.</source>
        <translation>--%1에는 “%3”이(가) 아니라 %2 이상의 정수를 지정해야 합니다.</translation>
    </message>
    <message>
        <source>--%1 takes seconds between 0 and %2, not “%3”.</source>
        <translation>--%1에는 “%3”이(가) 아니라 0에서 %2 사이의 초를 지정해야 합니다.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number between %2 and %3, not “%4”.</source>
        <translation>--%1에는 “%4”이(가) 아니라 %2에서 %3 사이의 정수를 지정해야 합니다.</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Quit Poetry Reader</source>
        <translation>Poetry Reader 끝내기</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are still under way.</source>
        <translation>
            <numerusform>아직 다운로드 %n개가 진행 중입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them; what has arrived so far is not kept.</source>
        <translation>끝내면 모두 취소되며 지금까지 받은 내용은 남지 않습니다.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Don’t ask again</source>
        <translation>다시 묻지 않기(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Servers</source>
        <translation>서버 제거</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n server(s) from the list?</source>
        <translation>
            <numerusform>목록에서 서버 %n개를 제거할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>resolving %1</source>
        <translation>%1 이름 확인 중</translation>
    </message>
    <message>
        <source>resolved to %1</source>
        <translation>%1(으)로 확인됨</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>%1에 연결 중</translation>
    </message>
    <message>
        <source>attempt to %1 failed: %2</source>
        <translation>%1 연결 시도 실패: %2</translation>
    </message>
</context>
<context>
    <name>DemoServers</name>
    <message>
        <source>fast</source>
        <translation>빠름</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>꾸준함</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>느림</translation>
    </message>
    <message>
        <source>very slow</source>
        <translation>매우 느림</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Refuses connections</source>
        <translation>연결 거부</translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation>응답 멈춤</translation>
    </message>
    <message>
        <source>Resets half-way</source>
        <translation>중간에 연결 재설정</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message numerus="yes">
        <source>%n poem(s) arrived</source>
        <translation>
            <numerusform>시 %n편이 도착했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>다운로드 %n개가 실패했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s) arrived, %1 failed</source>
        <extracomment>%n poems, %1 failed downloads: &quot;7 poems arrived, 2 failed&quot;</extracomment>
        <translation>
            <numerusform>시 %n편이 도착했고 %1개가 실패했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Failures</source>
        <translation>실패 보기</translation>
    </message>
    <message>
        <source>Show Poems</source>
        <translation>시 보기</translation>
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
        <translation>%1초</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>이름 확인 중</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>수신 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>응답 대기</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
</context>
<context>
    <name>DownloadFilterModel</name>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <comment>downloads</comment>
        <translation>
            <numerusform>%n개 중 %1개 표시</numerusform>
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
        <translation>%1퍼센트</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받은 양</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Done · %1</source>
        <translation>완료 · %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the phases of a download</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>워터폴</translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message>
        <source>Select a download to read its poem as it arrives.</source>
        <translation>다운로드를 선택하면 도착하는 시를 바로 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Save Poem</source>
        <translation>시 저장</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The poem could not be saved to “%1”: %2</source>
        <translation>시를 “%1”에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>“%1”에 저장했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>대기 중 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>진행 중 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>완료 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>실패 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>취소됨 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Poem</source>
        <translation>시</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The report could not be written to “%1”: %2</source>
        <translation>보고서를 “%1”에 쓰지 못했습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n download(s) to “%1”.</source>
        <translation>
            <numerusform>다운로드 %n개를 “%1”에 썼습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Member %1 of %2 (%3):</source>
        <translation>구성원 %1/%2 (%3):</translation>
    </message>
</context>
<context>
    <name>FailurePane</name>
    <message>
        <source>while connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>waiting for the next byte</source>
        <translation>다음 바이트 대기 중</translation>
    </message>
    <message>
        <source>at the deadline</source>
        <translation>전체 제한 시간 도달</translation>
    </message>
    <message>
        <source>Traceback</source>
        <translation>트레이스백</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>세부 정보 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>서버:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Ended after:</source>
        <translation>소요 시간:</translation>
    </message>
    <message>
        <source>System error:</source>
        <translation>시스템 오류:</translation>
    </message>
    <message>
        <source>Partial poem</source>
        <translation>받은 부분</translation>
    </message>
    <message>
        <source>The download ended without a poem</source>
        <translation>시를 받지 못한 채 다운로드가 끝났습니다</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (error %2)</source>
        <translation>%1 (오류 %2)</translation>
    </message>
    <message>
        <source>Partial poem (%1)</source>
        <translation>받은 부분 (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>시작: %1</translation>
    </message>
    <message>
        <source>Ended after: %1</source>
        <translation>소요 시간: %1</translation>
    </message>
    <message>
        <source>System error: %1</source>
        <translation>시스템 오류: %1</translation>
    </message>
    <message>
        <source>Partial poem (%1):</source>
        <translation>받은 부분 (%1):</translation>
    </message>
    <message>
        <source>%1 (timed out %2)</source>
        <comment>failure message, then when the timeout struck</comment>
        <translation>%1 (시간 초과: %2)</translation>
    </message>
    <message>
        <source>[showing the first %1 of %2]</source>
        <translation>[%2 중 처음 %1만 표시]</translation>
    </message>
    <message>
        <source>Traceback (most recent call last):</source>
        <translation>트레이스백 (가장 최근 호출이 마지막):</translation>
    </message>
    <message>
        <source>Attempt %1 of %2, started %3: %4</source>
        <translation>시도 %1/%2, 시작 %3: %4</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by server or address</source>
        <translation>서버 이름이나 주소로 거르기</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>필터 텍스트</translation>
    </message>
    <message>
        <source>All States</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>상태 필터</translation>
    </message>
    <message>
        <source>Show only downloads in these states</source>
        <translation>이 상태인 다운로드만 표시</translation>
    </message>
    <message>
        <source>Any Failure Kind</source>
        <translation>모든 실패 종류</translation>
    </message>
    <message>
        <source>Failure kind filter</source>
        <translation>실패 종류 필터</translation>
    </message>
    <message>
        <source>Show only failures of this kind</source>
        <translation>이 종류의 실패만 표시</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>No States</source>
        <translation>상태 없음</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>The states shown, as a list: &quot;Failed, Cancelled&quot;</extracomment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Futures</name>
    <message>
        <source>The request was cancelled</source>
        <translation>요청이 취소되었습니다</translation>
    </message>
    <message>
        <source>an unknown exception</source>
        <translation>알 수 없는 예외</translation>
    </message>
    <message>
        <source>The chain failed: %1</source>
        <translation>처리 과정이 실패했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every one of %n request(s) failed</source>
        <translation>
            <numerusform>요청 %n개가 모두 실패했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>No result within %1 s</source>
        <translation>%1초 안에 결과가 없습니다</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>(empty poem)</source>
        <translation>(빈 시)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>읽지 않음</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Not a favourite</source>
        <translation>즐겨찾기 아님</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>받은 때</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>LibraryRestore</name>
    <message>
        <source>Done · %1</source>
        <translation>완료 · %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message numerus="yes">
        <source>%n change(s) to the poem library could not be written.</source>
        <translation>
            <numerusform>시 라이브러리의 변경 사항 %n개를 기록하지 못했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search the poems</source>
        <translation>시 검색</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>서재 검색</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Mark the selected poems as favourites: they are never pruned</source>
        <translation>선택한 시를 즐겨찾기로 표시합니다. 즐겨찾기는 정리할 때 지워지지 않습니다</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Mark the selected poems as read or unread</source>
        <translation>선택한 시를 읽음 또는 읽지 않음으로 표시합니다</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the selected poems from the library</source>
        <translation>선택한 시를 서재에서 제거합니다</translation>
    </message>
    <message>
        <source>Clear History…</source>
        <translation>기록 지우기…</translation>
    </message>
    <message>
        <source>Forget every download; the poems stay</source>
        <translation>모든 다운로드 기록을 지웁니다. 시는 남습니다</translation>
    </message>
    <message>
        <source>Library actions</source>
        <translation>서재 작업</translation>
    </message>
    <message>
        <source>Poems in the library</source>
        <translation>서재의 시</translation>
    </message>
    <message>
        <source>Poem text</source>
        <translation>시 본문</translation>
    </message>
    <message>
        <source>Select a poem to read it.</source>
        <translation>읽을 시를 선택하세요.</translation>
    </message>
    <message>
        <source>No poems yet: every poem received is kept here.</source>
        <translation>아직 시가 없습니다. 받은 시는 모두 여기에 보관됩니다.</translation>
    </message>
    <message>
        <source>No poem contains “%1”.</source>
        <translation>“%1”이(가) 들어 있는 시가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n poems</source>
        <translation>
            <numerusform>처음 %n편의 시</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s)</source>
        <translation>
            <numerusform>시 %n편</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>기록 지우기</translation>
    </message>
    <message>
        <source>Forget every download: the history, the servers’ last results and the last session’s downloads?</source>
        <translation>모든 다운로드 기록(기록, 서버별 마지막 결과, 지난 세션의 다운로드)을 지울까요?</translation>
    </message>
    <message>
        <source>The poems in the library stay.</source>
        <translation>서재의 시는 남습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Poetry Reader</source>
        <translation>포에트리 리더</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>The demo servers could not be started.</source>
        <translation>데모 서버를 시작할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Started %n demo server(s) on this computer.</source>
        <translation>
            <numerusform>이 컴퓨터에서 데모 서버 %n개를 시작했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>받기</translation>
    </message>
    <message>
        <source>Start Demo Servers</source>
        <translation>데모 서버 시작</translation>
    </message>
    <message>
        <source>Fetch from the command line</source>
        <translation>명령줄에서 받기</translation>
    </message>
    <message>
        <source>Fetch All</source>
        <translation>모두 받기</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Retry All Failed</source>
        <translation>실패한 항목 모두 다시 시도</translation>
    </message>
    <message>
        <source>%1 of %2 — Poetry Reader</source>
        <translation>%2개 중 %1개 — Poetry Reader</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>라이브러리(&amp;L)</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>PhaseTimeline</name>
    <message>
        <source>Waiting for first byte</source>
        <translation>첫 바이트 대기</translation>
    </message>
    <message>
        <source>Trying</source>
        <translation>시도 중</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1밀리초</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
</context>
<context>
    <name>PoemJob</name>
    <message>
        <source>queued</source>
        <translation>대기열에 추가됨</translation>
    </message>
    <message>
        <source>The request was cancelled</source>
        <translation>요청이 취소되었습니다</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>다시 시작됨</translation>
    </message>
    <message>
        <source>The poem was not complete by the deadline of %1 s</source>
        <translation>전체 제한 시간 %1초 안에 시를 다 받지 못했습니다</translation>
    </message>
    <message>
        <source>deadline reached</source>
        <translation>전체 제한 시간 도달</translation>
    </message>
    <message>
        <source>out of file descriptors; queued again</source>
        <translation>파일 디스크립터 부족, 다시 대기열에 추가됨</translation>
    </message>
</context>
<context>
    <name>PoemLibrary</name>
    <message>
        <source>The disk is full: the library “%1” cannot save more downloads now (%2 waiting). They are kept and saved as soon as there is room.</source>
        <translation>디스크가 가득 찼습니다: 라이브러리 “%1”에 지금은 다운로드를 더 저장할 수 없습니다(대기 중 %2개). 다운로드는 보관되며 공간이 생기는 대로 저장됩니다.</translation>
    </message>
    <message>
        <source>The library “%1” is in use by another program: downloads are kept (%2 waiting) and saved when it is free.</source>
        <translation>라이브러리 “%1”을(를) 다른 프로그램이 사용 중입니다: 다운로드는 보관되며(대기 중 %2개) 사용할 수 있게 되면 저장됩니다.</translation>
    </message>
    <message>
        <source>The library “%1” could not be written (%2): downloads are kept (%3 waiting) and saved when it works again.</source>
        <translation>라이브러리 “%1”에 쓸 수 없습니다(%2): 다운로드는 보관되며(대기 중 %3개) 다시 쓸 수 있게 되면 저장됩니다.</translation>
    </message>
    <message>
        <source>The library “%1” is damaged (%2) and could not be set aside. Poems received now are kept until the program ends, not saved.</source>
        <translation>라이브러리 “%1”이(가) 손상되었고(%2) 옮겨 둘 수 없었습니다. 지금 받는 시는 프로그램이 끝날 때까지만 보관되며 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>“%1” is not a Poetry Reader library. It was kept as “%2” and a new, empty library was started.</source>
        <translation>“%1”은(는) Poetry Reader 라이브러리가 아닙니다. 이 파일은 “%2”(으)로 보관했으며 비어 있는 새 라이브러리를 시작했습니다.</translation>
    </message>
    <message>
        <source>The library “%1” was damaged (%2). It was kept as “%3” and a new, empty library was started.</source>
        <translation>라이브러리 “%1”이(가) 손상되었습니다(%2). 이 파일은 “%3”(으)로 보관했으며 비어 있는 새 라이브러리를 시작했습니다.</translation>
    </message>
    <message>
        <source>The library “%1” was written by a newer version of Poetry Reader. It is left as it is; poems received now are kept until the program ends, not saved.</source>
        <translation>라이브러리 “%1”은(는) 더 새로운 버전의 Poetry Reader가 만든 것입니다. 파일은 그대로 두며, 지금 받는 시는 프로그램이 끝날 때까지만 보관되고 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The library “%1” is in use by another program (another Poetry Reader?). Poems received now are kept until the program ends, not saved.</source>
        <translation>라이브러리 “%1”을(를) 다른 프로그램(다른 Poetry Reader?)이 사용 중입니다. 지금 받는 시는 프로그램이 끝날 때까지만 보관되며 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The library “%1” cannot be written (%2). Poems received now are kept until the program ends, not saved.</source>
        <translation>라이브러리 “%1”에 쓸 수 없습니다(%2). 지금 받는 시는 프로그램이 끝날 때까지만 보관되며 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The disk is full: the library “%1” cannot be opened. Poems received now are kept until the program ends, not saved.</source>
        <translation>디스크가 가득 차서 라이브러리 “%1”을(를) 열 수 없습니다. 지금 받는 시는 프로그램이 끝날 때까지만 보관되며 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The library “%1” could not be opened (%2). Poems received now are kept until the program ends, not saved.</source>
        <translation>라이브러리 “%1”을(를) 열 수 없습니다(%2). 지금 받는 시는 프로그램이 끝날 때까지만 보관되며 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>The library “%1” refused %2 changes (%3); they were not saved.</source>
        <translation>라이브러리 “%1”이(가) 변경 %2개를 거부했습니다(%3). 이 변경은 저장되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>PoemPane</name>
    <message>
        <source>Poem</source>
        <translation>시</translation>
    </message>
    <message>
        <source>Waiting for the first line…</source>
        <translation>첫 줄을 기다리는 중…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>크게</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>작게</translation>
    </message>
    <message>
        <source>showing the first %1; save the poem to read it all</source>
        <translation>처음 %1만 표시합니다. 전체를 읽으려면 시를 저장하세요</translation>
    </message>
    <message>
        <source>some bytes were not valid UTF-8 and show as �</source>
        <translation>일부 바이트가 올바른 UTF-8이 아니어서 �로 표시됩니다</translation>
    </message>
    <message>
        <source>Find in the poem</source>
        <translation>시에서 찾기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>PoetryFetcher</name>
    <message>
        <source>invalid address “%1”</source>
        <translation>잘못된 주소 “%1”</translation>
    </message>
</context>
<context>
    <name>PoetryProtocol</name>
    <message>
        <source>DNS lookup failed: address “%1” not found</source>
        <translation>DNS 조회 실패: 주소 “%1”을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>호스트를 찾을 수 없음</translation>
    </message>
    <message>
        <source>Connection to the other side was lost in a non-clean fashion</source>
        <translation>상대편과의 연결이 정상적으로 닫히지 않고 끊어졌습니다</translation>
    </message>
    <message numerus="yes">
        <source>connection reset after %n byte(s)</source>
        <translation>
            <numerusform>%n바이트 수신 후 연결 재설정됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection was refused by other side</source>
        <translation>상대편이 연결을 거부했습니다</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>연결 거부됨</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out</source>
        <translation>%1 연결 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>연결 시간 초과</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>%1에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out after %2 s</source>
        <translation>%1 연결이 %2초 후 시간 초과되었습니다</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s</source>
        <translation>서버가 %1초 동안 아무것도 보내지 않았습니다</translation>
    </message>
    <message numerus="yes">
        <source>idle timeout after %n byte(s)</source>
        <translation>
            <numerusform>%n바이트 수신 후 무응답 시간 초과</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not use the connection to %1</source>
        <translation>%1과(와)의 연결을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>네트워크 오류</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>%1에 연결됨</translation>
    </message>
    <message>
        <source>first byte</source>
        <translation>첫 바이트 수신</translation>
    </message>
    <message>
        <source>The poem is larger than the limit of %1; the first %1 were kept</source>
        <translation>시가 크기 제한 %1보다 큽니다. 처음 %1만 보관했습니다</translation>
    </message>
    <message>
        <source>size limit reached</source>
        <translation>크기 제한 도달</translation>
    </message>
    <message numerus="yes">
        <source>connection lost after %n byte(s)</source>
        <translation>
            <numerusform>%n바이트 수신 후 연결 끊김</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closed by the server after %n byte(s)</source>
        <translation>
            <numerusform>%n바이트 수신 후 서버가 연결을 닫음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestTrace</name>
    <message>
        <source>request #%1 made at %2:%3 in %4</source>
        <translation>요청 #%1: %2:%3의 %4에서 생성</translation>
    </message>
    <message>
        <source>user action: %1</source>
        <translation>사용자 동작: %1</translation>
    </message>
    <message>
        <source>+%1 s  %2</source>
        <comment>seconds since the request, then the step</comment>
        <translation>+%1초  %2</translation>
    </message>
</context>
<context>
    <name>ServerListIo</name>
    <message>
        <source>Text files (*.txt *.list);;All files (*)</source>
        <translation>텍스트 파일 (*.txt *.list);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>a line holds addresses, or a name and then one address</source>
        <translation>한 줄에는 주소들, 또는 이름과 주소 하나를 씁니다</translation>
    </message>
    <message>
        <source>Line %1: “%2”: %3</source>
        <translation>%1번째 줄: “%2”: %3</translation>
    </message>
    <message>
        <source>Import Servers</source>
        <translation>서버 가져오기</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read as a server.</source>
        <translation>
            <numerusform>%n개의 줄을 서버로 읽을 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is too large to be a list of servers.</source>
        <translation>“%1”은(는) 서버 목록이라기에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>“%1” could not be read: %2</source>
        <translation>“%1”을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Export Servers</source>
        <translation>서버 내보내기</translation>
    </message>
    <message>
        <source>The servers could not be saved to “%1”: %2</source>
        <translation>서버 목록을 “%1”에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported the servers to “%1”.</source>
        <translation>서버 목록을 “%1”(으)로 내보냈습니다.</translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <source>%1 — a demo server inside this program</source>
        <translation>%1 — 이 프로그램 안의 데모 서버</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>마지막 결과</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Servers</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>No servers yet. Add the address of a poetry server, or start the demo servers that come with Poetry Reader.</source>
        <translation>아직 서버가 없습니다. 시 서버의 주소를 추가하거나 Poetry Reader에 들어 있는 데모 서버를 시작하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n server(s).</source>
        <translation>
            <numerusform>서버 %n개를 추가했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>연결 시간 제한(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>무응답 시간 제한(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>전체 제한 시간(&amp;D):</translation>
    </message>
    <message>
        <source>Largest &amp;poem:</source>
        <translation>시 최대 크기(&amp;P):</translation>
    </message>
    <message>
        <source>Connections at &amp;once:</source>
        <translation>동시 연결 수(&amp;O):</translation>
    </message>
    <message>
        <source>The new limits apply to the downloads started from now on.</source>
        <translation>새 제한은 지금부터 시작하는 다운로드에 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Notify me when downloads end while the window is in the background</source>
        <translation>창이 뒤에 있을 때 다운로드가 끝나면 알림(&amp;N)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source> times</source>
        <translation>회</translation>
    </message>
    <message>
        <source>Refused, timed-out and lost connections and network errors are fetched again after a wait that doubles each time</source>
        <translation>거부되었거나 시간 초과되었거나 끊긴 연결과 네트워크 오류는 매번 두 배로 늘어나는 대기 후 다시 받습니다</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>즉시</translation>
    </message>
    <message>
        <source>&amp;Retry failures:</source>
        <translation>실패 다시 시도(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;First retry within:</source>
        <translation>첫 재시도 대기 상한(&amp;F):</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Favourites are always kept</source>
        <translation>즐겨찾기는 항상 남습니다</translation>
    </message>
    <message>
        <source>Library &amp;keeps at most:</source>
        <translation>라이브러리 최대 크기(&amp;K):</translation>
    </message>
    <message>
        <source>…and poems no older &amp;than:</source>
        <translation>…그리고 이보다 오래되지 않은 시(&amp;T):</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>it cannot be moved</source>
        <translation>옮길 수 없음</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>파일이 아닌 폴더임</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <source>The settings file “%1” could not be read (%2). The program started with the default settings; the file was moved to “%3”.</source>
        <translation>설정 파일 “%1”을(를) 읽을 수 없습니다(%2). 프로그램은 기본 설정으로 시작했으며, 이 파일은 “%3”(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>The settings file “%1” was damaged. The program started with the default settings; the damaged file was kept as “%2”.</source>
        <translation>설정 파일 “%1”이(가) 손상되었습니다. 프로그램은 기본 설정으로 시작했으며, 손상된 파일은 “%2”(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>Some settings in “%1” were not valid and are back to their defaults: %2.</source>
        <translation>“%1”의 일부 설정이 올바르지 않아 기본값으로 되돌렸습니다: %2.</translation>
    </message>
    <message>
        <source>Some settings in “%1” were not valid and are back to their defaults: %2. The file as it was is kept as “%3”.</source>
        <translation>“%1”의 일부 설정이 올바르지 않아 기본값으로 되돌렸습니다: %2. 원래 파일은 “%3”(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>The settings file “%1” could not be read or repaired (%2). The program uses the default settings and may not be able to save changes.</source>
        <translation>설정 파일 “%1”을(를) 읽거나 복구할 수 없습니다(%2). 프로그램은 기본 설정을 사용하며, 바꾼 설정을 저장하지 못할 수도 있습니다.</translation>
    </message>
</context>
<context>
    <name>SettingsLock</name>
    <message>
        <source>“%1” is a folder, not a lock file</source>
        <translation>“%1”은(는) 잠금 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>“%1” is not a lock file</source>
        <translation>“%1”은(는) 잠금 파일이 아닙니다</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is held by another program and was not released within %n second(s)</source>
        <translation>
            <numerusform>“%1”을(를) 다른 프로그램이 잡고 있으며 %n초 안에 풀리지 않았습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsWriter</name>
    <message>
        <source>Settings could not be saved to “%1”: %2. Changes made now will be lost when the program ends.</source>
        <translation>설정을 “%1”에 저장할 수 없습니다: %2. 지금 바꾼 내용은 프로그램을 끝내면 사라집니다.</translation>
    </message>
    <message>
        <source>Settings could not be saved to “%1”: changes made now will be lost when the program ends.</source>
        <translation>설정을 “%1”에 저장할 수 없습니다. 지금 바꾼 내용은 프로그램을 끝내면 사라집니다.</translation>
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
        <translation>단계</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Connection attempts</source>
        <translation>연결 시도</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <source>Timing summary</source>
        <translation>타이밍 요약</translation>
    </message>
    <message>
        <source>No download selected.</source>
        <translation>선택한 다운로드가 없습니다.</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (지금까지)</translation>
    </message>
    <message>
        <source>Running for %1.</source>
        <translation>%1 동안 진행 중입니다.</translation>
    </message>
    <message>
        <source>Failed after %1: %2</source>
        <translation>%1 후 실패: %2</translation>
    </message>
    <message>
        <source>Finished in %1.</source>
        <translation>%1 만에 완료되었습니다.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1에 연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>WaterfallDelegate</name>
    <message>
        <source>%1 so far</source>
        <translation>지금까지 %1</translation>
    </message>
    <message>
        <source>%1: %2 (at +%3)</source>
        <translation>%1: %2 (+%3에 시작)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add Server…</source>
        <translation>서버 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation>서버 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>서버 제거(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Servers…</source>
        <translation>서버 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Servers from &amp;Clipboard</source>
        <translation>클립보드에서 서버 가져오기(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport Servers…</source>
        <translation>서버 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Start &amp;Demo Servers</source>
        <translation>데모 서버 시작(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>받기(&amp;F)</translation>
    </message>
    <message>
        <source>Fetch &amp;All</source>
        <translation>모두 받기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel A&amp;ll</source>
        <translation>모두 취소(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Poem</source>
        <translation>시 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save Poem…</source>
        <translation>시 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>제거(&amp;M)</translation>
    </message>
    <message>
        <source>Clear &amp;Finished</source>
        <translation>끝난 항목 지우기(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Poetry Reader</source>
        <translation>포에트리 리더 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Add a poetry server to the list</source>
        <translation>목록에 시 서버를 추가합니다</translation>
    </message>
    <message>
        <source>Fetch a poem from each selected server</source>
        <translation>선택한 각 서버에서 시를 받습니다</translation>
    </message>
    <message>
        <source>Fetch a poem from every server in the list</source>
        <translation>목록의 모든 서버에서 시를 받습니다</translation>
    </message>
    <message>
        <source>Cancel the selected downloads</source>
        <translation>선택한 다운로드를 취소합니다</translation>
    </message>
    <message>
        <source>Fetch the selected downloads again</source>
        <translation>선택한 다운로드를 다시 받습니다</translation>
    </message>
    <message>
        <source>Remove the downloads that have ended</source>
        <translation>끝난 다운로드를 목록에서 지웁니다</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>서버(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation>다운로드(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>설정(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Retry All F&amp;ailed</source>
        <translation>실패한 항목 모두 다시 시도(&amp;A)</translation>
    </message>
    <message>
        <source>Fetch every failed download again</source>
        <translation>실패한 다운로드를 모두 다시 받습니다</translation>
    </message>
    <message>
        <source>Copy as Co&amp;mmand</source>
        <translation>명령으로 복사(&amp;M)</translation>
    </message>
    <message>
        <source>Copy the get-poetry command line that repeats the download</source>
        <translation>이 다운로드를 되풀이하는 get-poetry 명령줄을 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>계속(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xport Report…</source>
        <translation>보고서 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Stop reading the selected downloads; the server waits</source>
        <translation>선택한 다운로드 읽기를 멈춥니다. 서버는 기다립니다</translation>
    </message>
    <message>
        <source>Read the paused downloads again</source>
        <translation>일시 정지한 다운로드를 다시 읽습니다</translation>
    </message>
    <message>
        <source>Write the downloads shown as a JSON report, as get-poetry --report does</source>
        <translation>보이는 다운로드를 get-poetry --report와 같은 JSON 보고서로 씁니다</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Fetches poems from poetry servers and shows every download as it happens.
ADDRESS is a port on this machine (10001), host:port or [IPv6]:port; each one is added to the server list and fetched.
The first start shows the built-in demo servers.</source>
        <translation>시 서버에서 시를 받아 모든 다운로드를 실시간으로 보여 줍니다.
ADDRESS는 이 컴퓨터의 포트(10001), host:port 또는 [IPv6]:port이며, 각 주소를 서버 목록에 추가하고 시를 받습니다.
처음 시작하면 내장 데모 서버를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Start the built-in demo servers and fetch from them.</source>
        <translation>내장 데모 서버를 시작하고 시를 받습니다.</translation>
    </message>
    <message>
        <source>Poetry servers to fetch.</source>
        <translation>시를 받을 시 서버.</translation>
    </message>
    <message>
        <source>Poetry Reader</source>
        <translation>포에트리 리더</translation>
    </message>
    <message>
        <source>Show the program in LANGUAGE (%1) instead of the system’s language.</source>
        <translation>시스템 언어 대신 LANGUAGE(%1)로 프로그램을 표시합니다.</translation>
    </message>
    <message>
        <source>Unknown language “%1”: choose one of %2.</source>
        <translation>알 수 없는 언어 “%1”입니다. %2 중에서 고르세요.</translation>
    </message>
</context>
</TS>
