<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AutoRetry</name>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Retrying in %n s</numerusform>
            <numerusform>Retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BytesView</name>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n more)</numerusform>
            <numerusform>(%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message numerus="yes">
        <source>%n download(s) are still under way.</source>
        <translation>
            <numerusform>%n download is still under way.</numerusform>
            <numerusform>%n downloads are still under way.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n server(s) from the list?</source>
        <translation>
            <numerusform>Remove %n server from the list?</numerusform>
            <numerusform>Remove %n servers from the list?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message numerus="yes">
        <source>%n poem(s) arrived</source>
        <translation>
            <numerusform>%n poem arrived</numerusform>
            <numerusform>%n poems arrived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>%n download failed</numerusform>
            <numerusform>%n downloads failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s) arrived, %1 failed</source>
        <extracomment>%n poems, %1 failed downloads: &quot;7 poems arrived, 2 failed&quot;</extracomment>
        <translation>
            <numerusform>%n poem arrived, %1 failed</numerusform>
            <numerusform>%n poems arrived, %1 failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadFilterModel</name>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <comment>downloads</comment>
        <translation>
            <numerusform>%1 of %n shown</numerusform>
            <numerusform>%1 of %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n download(s) to “%1”.</source>
        <translation>
            <numerusform>Wrote %n download to “%1”.</numerusform>
            <numerusform>Wrote %n downloads to “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Futures</name>
    <message numerus="yes">
        <source>Every one of %n request(s) failed</source>
        <translation>
            <numerusform>Every one of %n request failed</numerusform>
            <numerusform>Every one of %n requests failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message numerus="yes">
        <source>%n change(s) to the poem library could not be written.</source>
        <translation>
            <numerusform>%n change to the poem library could not be written.</numerusform>
            <numerusform>%n changes to the poem library could not be written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message numerus="yes">
        <source>The first %n poems</source>
        <translation>
            <numerusform>The first %n poem</numerusform>
            <numerusform>The first %n poems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poem(s)</source>
        <translation>
            <numerusform>%n poem</numerusform>
            <numerusform>%n poems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Started %n demo server(s) on this computer.</source>
        <translation>
            <numerusform>Started %n demo server on this computer.</numerusform>
            <numerusform>Started %n demo servers on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoetryProtocol</name>
    <message numerus="yes">
        <source>connection reset after %n byte(s)</source>
        <translation>
            <numerusform>connection reset after %n byte</numerusform>
            <numerusform>connection reset after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>idle timeout after %n byte(s)</source>
        <translation>
            <numerusform>idle timeout after %n byte</numerusform>
            <numerusform>idle timeout after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>connection lost after %n byte(s)</source>
        <translation>
            <numerusform>connection lost after %n byte</numerusform>
            <numerusform>connection lost after %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closed by the server after %n byte(s)</source>
        <translation>
            <numerusform>closed by the server after %n byte</numerusform>
            <numerusform>closed by the server after %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerListIo</name>
    <message numerus="yes">
        <source>%n line(s) could not be read as a server.</source>
        <translation>
            <numerusform>%n line could not be read as a server.</numerusform>
            <numerusform>%n lines could not be read as a server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message numerus="yes">
        <source>Added %n server(s).</source>
        <translation>
            <numerusform>Added %n server.</numerusform>
            <numerusform>Added %n servers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsLock</name>
    <message numerus="yes">
        <source>“%1” is held by another program and was not released within %n second(s)</source>
        <translation>
            <numerusform>“%1” is held by another program and was not released within %n second</numerusform>
            <numerusform>“%1” is held by another program and was not released within %n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>
