<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>keycard::IdpComparisonBox</name>
    <message numerus="yes">
        <source>Read at %1: %n values differ from Keycard&apos;s.</source>
        <translation>
            <numerusform>Read at %1: %n value differs from Keycard&apos;s.</numerusform>
            <numerusform>Read at %1: %n values differ from Keycard&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keycard::OrganizationBrowser</name>
    <message numerus="yes">
        <source>%Ln organizations</source>
        <translation>
            <numerusform>%Ln organization</numerusform>
            <numerusform>%Ln organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n incomplete</source>
        <translation>
            <numerusform>%1 · %n incomplete</numerusform>
            <numerusform>%1 · %n incomplete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items were incomplete (a field missing or of the wrong type): those values are shown as unknown.</source>
        <translation>
            <numerusform>%n item was incomplete (a field missing or of the wrong type): those values are shown as unknown.</numerusform>
            <numerusform>%n items were incomplete (a field missing or of the wrong type): those values are shown as unknown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n left out</source>
        <translation>
            <numerusform>%1 · %n left out</numerusform>
            <numerusform>%1 · %n left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items were left out: not an object or without an ID.</source>
        <translation>
            <numerusform>%n item was left out: not an object or without an ID.</numerusform>
            <numerusform>%n items were left out: not an object or without an ID.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keycard::cli::CommandRunner</name>
    <message numerus="yes">
        <source>keycardctl: %n organizations
</source>
        <translation>
            <numerusform>keycardctl: %n organization
</numerusform>
            <numerusform>keycardctl: %n organizations
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n organizations shown with a value unknown (a field was missing or of the wrong type)
</source>
        <translation>
            <numerusform>keycardctl: note: %n organization shown with a value unknown (a field was missing or of the wrong type)
</numerusform>
            <numerusform>keycardctl: note: %n organizations shown with a value unknown (a field was missing or of the wrong type)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not an organization with an id)
</source>
        <translation>
            <numerusform>keycardctl: note: %n list item skipped (not an organization with an id)
</numerusform>
            <numerusform>keycardctl: note: %n list items skipped (not an organization with an id)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoChangeSummary</name>
    <message numerus="yes">
        <source>Review the %n changes before saving:</source>
        <translation>
            <numerusform>Review the change before saving:</numerusform>
            <numerusform>Review the %n changes before saving:</numerusform>
        </translation>
    </message>
</context>
</TS>
