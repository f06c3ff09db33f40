<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminRuleResult</name>
    <message numerus="yes">
        <source>%n active administrators remain, all signing in through SSO.</source>
        <translation>
            <numerusform>%n active administrator remains, signing in through SSO.</numerusform>
            <numerusform>%n active administrators remain, all signing in through SSO.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other active administrators remain</source>
        <translation>
            <numerusform>%n other active administrator remains</numerusform>
            <numerusform>%n other active administrators remain</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them signing in without SSO.</source>
        <translation>
            <numerusform>%n of them signing in without SSO.</numerusform>
            <numerusform>%n of them signing in without SSO.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInImpact</name>
    <message numerus="yes">
        <source>Of the %n members read so far:</source>
        <translation>
            <numerusform>Of the %n member read so far:</numerusform>
            <numerusform>Of the %n members read so far:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active administrators will keep signing in without SSO.</source>
        <translation>
            <numerusform>%n active administrator will keep signing in without SSO.</numerusform>
            <numerusform>%n active administrators will keep signing in without SSO.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members sign in through %1 and would lose sign-in.</source>
        <translation>
            <numerusform>%n member signs in through %1 and would lose sign-in.</numerusform>
            <numerusform>%n members sign in through %1 and would lose sign-in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active administrators would still be able to sign in.</source>
        <translation>
            <numerusform>%n active administrator would still be able to sign in.</numerusform>
            <numerusform>%n active administrators would still be able to sign in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep two administrators who do not sign in through SSO (now %n).</source>
        <translation>
            <numerusform>Keep two administrators who do not sign in through SSO (now %n).</numerusform>
            <numerusform>Keep two administrators who do not sign in through SSO (now %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members sign in through an issuer that differs from the SSO issuer only by a trailing slash or letter case; they do not count as signing in through SSO.</source>
        <translation>
            <numerusform>%n member signs in through an issuer that differs from the SSO issuer only by a trailing slash or letter case; it does not count as signing in through SSO.</numerusform>
            <numerusform>%n members sign in through an issuer that differs from the SSO issuer only by a trailing slash or letter case; they do not count as signing in through SSO.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members were listed without a role, status or source that could be read.</source>
        <translation>
            <numerusform>%n member was listed without a role, status or source that could be read.</numerusform>
            <numerusform>%n members were listed without a role, status or source that could be read.</numerusform>
        </translation>
    </message>
</context>
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
    <name>keycard::cli::MemberCommands</name>
    <message numerus="yes">
        <source>keycardctl: note: %n members shown with a value unknown (a field was missing or of the wrong type)
</source>
        <translation>
            <numerusform>keycardctl: note: %n member shown with a value unknown (a field was missing or of the wrong type)
</numerusform>
            <numerusform>keycardctl: note: %n members shown with a value unknown (a field was missing or of the wrong type)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not a member with an id)
</source>
        <translation>
            <numerusform>keycardctl: note: %n list item skipped (not a member with an id)
</numerusform>
            <numerusform>keycardctl: note: %n list items skipped (not a member with an id)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: %n members
</source>
        <translation>
            <numerusform>keycardctl: %n member
</numerusform>
            <numerusform>keycardctl: %n members
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not an invitation with an id)
</source>
        <translation>
            <numerusform>keycardctl: note: %n list item skipped (not an invitation with an id)
</numerusform>
            <numerusform>keycardctl: note: %n list items skipped (not an invitation with an id)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: only the first %n invitations are shown
</source>
        <translation>
            <numerusform>keycardctl: note: only the first invitation is shown
</numerusform>
            <numerusform>keycardctl: note: only the first %n invitations are shown
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keycard::detail</name>
    <message numerus="yes">
        <source>%n list items were not members with an id and were left out.</source>
        <translation>
            <numerusform>%n list item was not a member with an id and was left out.</numerusform>
            <numerusform>%n list items were not members with an id and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server listed %n members more than once (pages overlap); the list is not consistent.</source>
        <translation>
            <numerusform>The server listed %n member more than once (pages overlap); the list is not consistent.</numerusform>
            <numerusform>The server listed %n members more than once (pages overlap); the list is not consistent.</numerusform>
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
