<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name />
        <message numerus="yes">
            <source> year(s)</source>
            <translation>
                <numerusform> year</numerusform>
                <numerusform> years</numerusform>
            </translation>
        </message>
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
            <source>%n match(es) to review</source>
            <translation>
                <numerusform>%n match to review</numerusform>
                <numerusform>%n matches to review</numerusform>
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
            <source>%n minor's registration flag(s) seen by the DPO ({who}).</source>
            <translation>
                <numerusform>%n minor's registration flag seen by the DPO ({who}).</numerusform>
                <numerusform>%n minor's registration flags seen by the DPO ({who}).</numerusform>
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
            <source>%n request(s) searched; {found} of them with matches.</source>
            <translation>
                <numerusform>%n request searched; {found} of them with matches.</numerusform>
                <numerusform>%n requests searched; {found} of them with matches.</numerusform>
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
            <source>%n row(s) read</source>
            <translation>
                <numerusform>%n row read</numerusform>
                <numerusform>%n rows read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scan(s) destroyed (erased from the register); the audit log records the destruction.</source>
            <translation>
                <numerusform>%n scan destroyed (erased from the register); the audit log records the destruction.</numerusform>
                <numerusform>%n scans destroyed (erased from the register); the audit log records the destruction.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scan(s) kept in the register until the decision.</source>
            <translation>
                <numerusform>%n scan kept in the register until the decision.</numerusform>
                <numerusform>%n scans kept in the register until the decision.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s) still to search</source>
            <translation>
                <numerusform>%n source still to search</numerusform>
                <numerusform>%n sources still to search</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s) with matches still to review</source>
            <translation>
                <numerusform>%n source with matches still to review</numerusform>
                <numerusform>%n sources with matches still to review</numerusform>
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
            <source>in %n file(s) of {system}</source>
            <translation>
                <numerusform>in %n file of {system}</numerusform>
                <numerusform>in %n files of {system}</numerusform>
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
            <source>Received on {date}; the clock runs again (%n day(s) stopped). Due date: {due}.</source>
            <translation>
                <numerusform>Received on {date}; the clock runs again (%n day stopped). Due date: {due}.</numerusform>
                <numerusform>Received on {date}; the clock runs again (%n days stopped). Due date: {due}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Record “{decision}” for the {proof}?

The scan (%n file(s)) will then be destroyed: its bytes are erased from the register and cannot be recovered. Only the checklist facts are kept.</source>
            <translation>
                <numerusform>Record “{decision}” for the {proof}?

The scan (%n file) will then be destroyed: its bytes are erased from the register and cannot be recovered. Only the checklist facts are kept.</numerusform>
                <numerusform>Record “{decision}” for the {proof}?

The scan (%n files) will then be destroyed: its bytes are erased from the register and cannot be recovered. Only the checklist facts are kept.</numerusform>
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
            <source>Response pack built (%n page(s), SHA-256 {sha}…)</source>
            <translation>
                <numerusform>Response pack built (%n page, SHA-256 {sha}…)</numerusform>
                <numerusform>Response pack built (%n pages, SHA-256 {sha}…)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Searched — %n match(es) to review</source>
            <translation>
                <numerusform>Searched — %n match to review</numerusform>
                <numerusform>Searched — %n matches to review</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The clock was stopped %n day(s) for identity; the due date moved to {due}.</source>
            <translation>
                <numerusform>The clock was stopped %n day for identity; the due date moved to {due}.</numerusform>
                <numerusform>The clock was stopped %n days for identity; the due date moved to {due}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{field}: %n character(s) at position {position} — {code}: {reason} ({who}, {when})</source>
            <translation>
                <numerusform>{field}: %n character at position {position} — {code}: {reason} ({who}, {when})</numerusform>
                <numerusform>{field}: %n characters at position {position} — {code}: {reason} ({who}, {when})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{file}: %n row(s) skipped or read with a caveat</source>
            <translation>
                <numerusform>{file}: %n row skipped or read with a caveat</numerusform>
                <numerusform>{file}: %n rows skipped or read with a caveat</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name} (%n row(s), {when})</source>
            <translation>
                <numerusform>{name} (%n row, {when})</numerusform>
                <numerusform>{name} (%n rows, {when})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{system}: %n match(es) still to confirm or reject (Extracts).</source>
            <translation>
                <numerusform>{system}: %n match still to confirm or reject (Extracts).</numerusform>
                <numerusform>{system}: %n matches still to confirm or reject (Extracts).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more.</source>
            <translation>
                <numerusform>… and %n more.</numerusform>
                <numerusform>… and %n more.</numerusform>
            </translation>
        </message>
    </context>
</TS>
