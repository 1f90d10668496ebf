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
    </context>
</TS>
