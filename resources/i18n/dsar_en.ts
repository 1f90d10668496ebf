<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name />
        <message numerus="yes">
            <source>%n check(s) pass:</source>
            <translation>
                <numerusform>%n check passes:</numerusform>
                <numerusform>%n checks pass:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed request(s) due for purge (see Statistics)</source>
            <translation>
                <numerusform>%n closed request due for purge (see Statistics)</numerusform>
                <numerusform>%n closed requests due for purge (see Statistics)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed request(s) kept longer than the retention period ({years} years): review and purge them.</source>
            <translation>
                <numerusform>%n closed request kept longer than the retention period ({years} years): review and purge it.</numerusform>
                <numerusform>%n closed requests kept longer than the retention period ({years} years): review and purge them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es) to review in all.</source>
            <translation>
                <numerusform>%n match to review in all.</numerusform>
                <numerusform>%n matches to review in all.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) purged.</source>
            <translation>
                <numerusform>%n request purged.</numerusform>
                <numerusform>%n requests purged.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) written to {path}, pseudonymised. The export is recorded in the audit log.</source>
            <translation>
                <numerusform>%n request written to {path}, pseudonymised. The export is recorded in the audit log.</numerusform>
                <numerusform>%n requests written to {path}, pseudonymised. The export is recorded in the audit log.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) written to {path}. The file names people: keep it as carefully as the register. The export is recorded in the audit log.</source>
            <translation>
                <numerusform>%n request written to {path}. The file names people: keep it as carefully as the register. The export is recorded in the audit log.</numerusform>
                <numerusform>%n requests written to {path}. The file names people: keep it as carefully as the register. The export is recorded in the audit log.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Closed requests are kept {years} years after closure (French civil limitation), then purged. %n request(s) are past that period. Nothing is deleted until you confirm.</source>
            <translation>
                <numerusform>Closed requests are kept {years} years after closure (French civil limitation), then purged. %n request is past that period. Nothing is deleted until you confirm.</numerusform>
                <numerusform>Closed requests are kept {years} years after closure (French civil limitation), then purged. %n requests are past that period. Nothing is deleted until you confirm.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Confirm all exact e-mail matches (%n)</source>
            <translation>
                <numerusform>Confirm the exact e-mail match (%n)</numerusform>
                <numerusform>Confirm all exact e-mail matches (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Purge %n request(s) for good? Everything the register holds about them is deleted; a tombstone (reference, dates, rights, outcome) stays in the audit log. Packs exported earlier are outside the register and are not deleted.</source>
            <translation>
                <numerusform>Purge %n request for good? Everything the register holds about it is deleted; a tombstone (reference, dates, rights, outcome) stays in the audit log. Packs exported earlier are outside the register and are not deleted.</numerusform>
                <numerusform>Purge %n requests for good? Everything the register holds about them is deleted; a tombstone (reference, dates, rights, outcome) stays in the audit log. Packs exported earlier are outside the register and are not deleted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Purge these %n request(s)…</source>
            <translation>
                <numerusform>Purge this %n request…</numerusform>
                <numerusform>Purge these %n requests…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Request message kept in the register ({format}, %n attachment(s))</source>
            <translation>
                <numerusform>Request message kept in the register ({format}, %n attachment)</numerusform>
                <numerusform>Request message kept in the register ({format}, %n attachments)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{file}: %n row(s) skipped or read with a caveat</source>
            <translation>
                <numerusform>{file}: %n row skipped or read with a caveat</numerusform>
                <numerusform>{file}: %n rows skipped or read with a caveat</numerusform>
            </translation>
        </message>
    </context>
</TS>
