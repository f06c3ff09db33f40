<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AdminRuleResult</name>
    <message>
        <source>%1 is the last active administrator: removing them would leave nobody able to manage the members and SSO.</source>
        <translation>%1 ist der letzte aktive Administrator: Ohne diese Person könnte niemand mehr die Mitglieder und SSO verwalten.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator: another role would leave nobody able to manage the members and SSO.</source>
        <translation>%1 ist der letzte aktive Administrator: Mit einer anderen Rolle könnte niemand mehr die Mitglieder und SSO verwalten.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator: disabling them would leave nobody able to manage the members and SSO.</source>
        <translation>%1 ist der letzte aktive Administrator: Nach dem Deaktivieren könnte niemand mehr die Mitglieder und SSO verwalten.</translation>
    </message>
    <message>
        <source>Make another member an administrator, or invite one, first.</source>
        <translation>Machen Sie zuerst ein anderes Mitglied zum Administrator, oder laden Sie einen ein.</translation>
    </message>
    <message>
        <source>After this change no active administrator signs in without SSO: if single sign-on breaks, nobody can sign in to repair it.</source>
        <translation>Nach dieser Änderung meldet sich kein aktiver Administrator ohne SSO an: Fällt Single Sign-On aus, kann sich niemand anmelden, um es zu reparieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n active administrators remain, all signing in through SSO.</source>
        <translation>
            <numerusform>%n aktiver Administrator bleibt, er meldet sich über SSO an.</numerusform>
            <numerusform>%n aktive Administratoren bleiben, alle melden sich über SSO an.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not among the organization&apos;s members.</source>
        <translation>%1 ist kein Mitglied der Organisation.</translation>
    </message>
    <message>
        <source>%1 is not an active administrator: the administrators stay as they are.</source>
        <translation>%1 ist kein aktiver Administrator: Die Administratoren bleiben, wie sie sind.</translation>
    </message>
    <message numerus="yes">
        <source>%n other active administrators remain</source>
        <translation>
            <numerusform>%n anderer aktiver Administrator bleibt</numerusform>
            <numerusform>%n andere aktive Administratoren bleiben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them signing in without SSO.</source>
        <translation>
            <numerusform>davon meldet sich %n ohne SSO an.</numerusform>
            <numerusform>davon melden sich %n ohne SSO an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whether another active administrator remains is unknown.</source>
        <translation>Ob ein anderer aktiver Administrator bleibt, ist unbekannt.</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>Ungültiger Wert</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Anfragelimit erreicht</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>Anfrage-ID %1</translation>
    </message>
</context>
<context>
    <name>ClientConfig</name>
    <message>
        <source>No credentials configured</source>
        <translation>Keine Zugangsdaten konfiguriert</translation>
    </message>
    <message>
        <source>The service account&apos;s client ID is missing</source>
        <translation>Die Client-ID des Dienstkontos fehlt</translation>
    </message>
    <message>
        <source>The service account&apos;s client secret is missing</source>
        <translation>Das Client-Secret des Dienstkontos fehlt</translation>
    </message>
    <message>
        <source>The API token is empty</source>
        <translation>Das API-Token ist leer</translation>
    </message>
    <message>
        <source>Not a valid URL: %1</source>
        <translation>Keine gültige URL: %1</translation>
    </message>
    <message>
        <source>The base URL must not have a query or fragment</source>
        <translation>Die Basis-URL darf keine Query und kein Fragment enthalten</translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password</source>
        <translation>Die Basis-URL darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>Refusing plain http:// to %1: use https:// (http is allowed only for localhost)</source>
        <translation>Unverschlüsseltes http:// zu %1 wird abgelehnt: Verwenden Sie https:// (http ist nur für localhost erlaubt)</translation>
    </message>
    <message>
        <source>Unsupported URL scheme &quot;%1&quot;</source>
        <translation>Nicht unterstütztes URL-Schema „%1“</translation>
    </message>
    <message>
        <source>The port is out of range: a port is 1 to 65535</source>
        <translation>Der Port liegt außerhalb des gültigen Bereichs: ein Port ist 1 bis 65535</translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <source>Keycard Admin: browse Keycard organizations and set up their single sign-on.

Without credentials in the environment (KEYCARD_API_CLIENT_ID and KEYCARD_API_CLIENT_SECRET, or KEYCARD_API_API_KEY) and without --base-url, the app runs on a built-in sandbox with demo data.</source>
        <translation>Keycard Admin: Keycard-Organisationen durchsuchen und ihr Single Sign-On einrichten.

Ohne Zugangsdaten in der Umgebung (KEYCARD_API_CLIENT_ID und KEYCARD_API_CLIENT_SECRET oder KEYCARD_API_API_KEY) und ohne --base-url läuft die App auf einer eingebauten Sandbox mit Demodaten.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Use the built-in sandbox with demo data, even when credentials are configured.</source>
        <translation>Die eingebaute Sandbox mit Demodaten verwenden, auch wenn Zugangsdaten konfiguriert sind.</translation>
    </message>
    <message>
        <source>API root to use instead of KEYCARD_API_BASE_URL.</source>
        <translation>API-Stamm-URL, die anstelle von KEYCARD_API_BASE_URL verwendet wird.</translation>
    </message>
    <message>
        <source>Render the window once the list and the selected organization have loaded, save it as a PNG file and exit.</source>
        <translation>Das Fenster darstellen, sobald die Liste und die ausgewählte Organisation geladen sind, als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>Select this organization (id or label) once the list has loaded.</source>
        <translation>Diese Organisation (ID oder Label) auswählen, sobald die Liste geladen ist.</translation>
    </message>
    <message>
        <source>Use a dark color palette.</source>
        <translation>Eine dunkle Farbpalette verwenden.</translation>
    </message>
    <message>
        <source>Add this many generated organizations to the sandbox.</source>
        <translation>So viele generierte Organisationen zur Sandbox hinzufügen.</translation>
    </message>
    <message>
        <source>For start-up benchmarks: print the time to the first painted organization list and exit.</source>
        <translation>Für Startzeit-Benchmarks: die Zeit bis zur ersten gezeichneten Organisationsliste ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--base-url: %1</source>
        <translation>--base-url: %1</translation>
    </message>
    <message>
        <source>--sandbox and --base-url exclude each other</source>
        <translation>--sandbox und --base-url schließen einander aus</translation>
    </message>
    <message>
        <source>--sandbox-orgs: expected a count from 0 to 1000000</source>
        <translation>--sandbox-orgs: erwartet wird eine Anzahl von 0 bis 1000000</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>Connected to %1 and signed in, but these credentials see no organizations.</source>
        <translation>Mit %1 verbunden und angemeldet, aber diese Zugangsdaten sehen keine Organisationen.</translation>
    </message>
    <message>
        <source>Connected: signed in to %1, organizations are visible (first: %2).</source>
        <translation>Verbunden: bei %1 angemeldet, Organisationen sind sichtbar (erste: %2).</translation>
    </message>
    <message>
        <source>Connected: signed in to %1, 1 organization visible (%2).</source>
        <translation>Verbunden: bei %1 angemeldet, 1 Organisation sichtbar (%2).</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the base URL and your network or proxy.</source>
        <translation>%1 ist nicht erreichbar: %2. Prüfen Sie die Basis-URL und Ihr Netzwerk oder Ihren Proxy.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the base URL and your network.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Prüfen Sie die Basis-URL und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: %2</source>
        <translation>Die sichere (TLS-)Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 refused the token: check that it is complete and not expired.</source>
        <translation>%1 hat das Token abgelehnt: Prüfen Sie, ob es vollständig und nicht abgelaufen ist.</translation>
    </message>
    <message>
        <source>%1 refused the credentials: check the client ID and secret.</source>
        <translation>%1 hat die Zugangsdaten abgelehnt: Prüfen Sie Client-ID und Secret.</translation>
    </message>
    <message>
        <source>Signed in, but these credentials have no permission to list organizations on %1.</source>
        <translation>Angemeldet, aber diese Zugangsdaten dürfen auf %1 keine Organisationen auflisten.</translation>
    </message>
    <message>
        <source>%1 does not answer like the Keycard API (not found). Check the base URL.</source>
        <translation>%1 antwortet nicht wie die Keycard-API (nicht gefunden). Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>(request id %1)</source>
        <translation>(Anfrage-ID %1)</translation>
    </message>
</context>
<context>
    <name>EndpointsPane</name>
    <message>
        <source>Not provided</source>
        <translation>Nicht angegeben</translation>
    </message>
</context>
<context>
    <name>EnvironmentOverride</name>
    <message>
        <source>Using the environment variables %1 for this run: saved connection profiles are not used.</source>
        <translation>Für diesen Start werden die Umgebungsvariablen %1 verwendet: Gespeicherte Verbindungsprofile werden nicht genutzt.</translation>
    </message>
    <message>
        <source>%1 is set: it overrides the profile you connect to for this run.</source>
        <translation>%1 ist gesetzt: Die Variable hat für diesen Start Vorrang vor dem Profil, mit dem Sie sich verbinden.</translation>
    </message>
    <message>
        <source>Using “%1” with %2 from the environment for this run.</source>
        <translation>Für diesen Start wird „%1“ mit %2 aus der Umgebung verwendet.</translation>
    </message>
    <message>
        <source>The base URL saved in the connection profile “%1” cannot be used: %2</source>
        <translation>Die im Verbindungsprofil „%1“ gespeicherte Basis-URL kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>FieldRules</name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Must not be blank</source>
        <translation>Darf nicht leer sein</translation>
    </message>
    <message>
        <source>At least %1 characters — %2 entered</source>
        <translation>Mindestens %1 Zeichen – %2 eingegeben</translation>
    </message>
    <message>
        <source>At most %1 characters — %2 entered</source>
        <translation>Höchstens %1 Zeichen – %2 eingegeben</translation>
    </message>
    <message>
        <source>Not a UUID</source>
        <translation>Keine UUID</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Must not contain spaces</source>
        <translation>Darf keine Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>Not a valid URL</source>
        <translation>Keine gültige URL</translation>
    </message>
    <message>
        <source>Must start with https://</source>
        <translation>Muss mit https:// beginnen</translation>
    </message>
    <message>
        <source>Must use https:// (http:// only for localhost)</source>
        <translation>Muss https:// verwenden (http:// nur für localhost)</translation>
    </message>
    <message>
        <source>Enter the host name after https://</source>
        <translation>Geben Sie nach https:// den Hostnamen ein</translation>
    </message>
    <message>
        <source>An issuer URL has no query (?…) or fragment (#…)</source>
        <translation>Eine Aussteller-URL hat keine Query (?…) und kein Fragment (#…)</translation>
    </message>
    <message>
        <source>“.” and “..” cannot be used: they would change the request&apos;s address</source>
        <translation>„.“ und „..“ sind nicht möglich: Sie würden die Adresse der Anfrage ändern</translation>
    </message>
    <message>
        <source>Contains an invalid character (a lone surrogate)</source>
        <translation>Enthält ein ungültiges Zeichen (ein einzelnes Surrogat)</translation>
    </message>
    <message>
        <source>Must not contain a user name or password (“…@” before the host)</source>
        <translation>Darf keinen Benutzernamen und kein Passwort enthalten („…@“ vor dem Host)</translation>
    </message>
    <message>
        <source>Contains an invisible control or text-direction character</source>
        <translation>Enthält ein unsichtbares Steuer- oder Textrichtungszeichen</translation>
    </message>
    <message>
        <source>Must not contain “.” or “..” path segments</source>
        <translation>Darf keine Pfadsegmente „.“ oder „..“ enthalten</translation>
    </message>
    <message>
        <source>The scheme has capital letters: issuers are compared exactly, so the identity provider must write it the same way (usually “https://”)</source>
        <translation>Das Schema enthält Großbuchstaben: Aussteller werden exakt verglichen, der Identitätsanbieter muss es also genauso schreiben (meist „https://“)</translation>
    </message>
    <message>
        <source>The host name has capital letters: issuers are compared exactly, so the identity provider must write it the same way (usually lower case)</source>
        <translation>Der Hostname enthält Großbuchstaben: Aussteller werden exakt verglichen, der Identitätsanbieter muss ihn also genauso schreiben (meist kleingeschrieben)</translation>
    </message>
    <message>
        <source>Not an email address (name@example.com)</source>
        <translation>Keine E-Mail-Adresse (name@example.com)</translation>
    </message>
    <message>
        <source>Must be one of: %1</source>
        <translation>Muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>IssuerComparison</name>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Userinfo endpoint</source>
        <translation>Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>Scopes supported</source>
        <translation>Unterstützte Scopes</translation>
    </message>
</context>
<context>
    <name>Paging</name>
    <message>
        <source>The server said more pages follow but sent no cursor for the next one; stopped after %1 organizations.</source>
        <translation>Der Server hat weitere Seiten angekündigt, aber keinen Cursor für die nächste gesendet; nach %1 Organisationen angehalten.</translation>
    </message>
    <message>
        <source>The server sent a page cursor it had already sent; stopped after %1 organizations.</source>
        <translation>Der Server hat einen Seiten-Cursor gesendet, den er bereits gesendet hatte; nach %1 Organisationen angehalten.</translation>
    </message>
    <message>
        <source>Stopped at the limit of %1 organizations.</source>
        <translation>Beim Limit von %1 Organisationen angehalten.</translation>
    </message>
    <message>
        <source>The server said more pages follow but sent no cursor for the next one; stopped after %1 members.</source>
        <translation>Der Server hat weitere Seiten angekündigt, aber keinen Cursor für die nächste gesendet; nach %1 Mitgliedern angehalten.</translation>
    </message>
    <message>
        <source>The server said more pages follow but sent no cursor for the next one; stopped after %1 invitations.</source>
        <translation>Der Server hat weitere Seiten angekündigt, aber keinen Cursor für die nächste gesendet; nach %1 Einladungen angehalten.</translation>
    </message>
    <message>
        <source>The server sent a page cursor it had already sent; stopped after %1 members.</source>
        <translation>Der Server hat einen Seiten-Cursor gesendet, den er bereits gesendet hatte; nach %1 Mitgliedern angehalten.</translation>
    </message>
    <message>
        <source>The server sent a page cursor it had already sent; stopped after %1 invitations.</source>
        <translation>Der Server hat einen Seiten-Cursor gesendet, den er bereits gesendet hatte; nach %1 Einladungen angehalten.</translation>
    </message>
    <message>
        <source>Stopped at the limit of %1 members.</source>
        <translation>Beim Limit von %1 Mitgliedern angehalten.</translation>
    </message>
    <message>
        <source>Stopped at the limit of %1 invitations.</source>
        <translation>Beim Limit von %1 Einladungen angehalten.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Enter a name for this connection</source>
        <translation>Geben Sie einen Namen für diese Verbindung ein</translation>
    </message>
    <message>
        <source>The name must not start or end with a space</source>
        <translation>Der Name darf nicht mit einem Leerzeichen beginnen oder enden</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters</source>
        <translation>Der Name ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>The name must not contain control characters</source>
        <translation>Der Name darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client ID</source>
        <translation>Geben Sie die Client-ID des Dienstkontos ein</translation>
    </message>
    <message>
        <source>Choose how to sign in</source>
        <translation>Wählen Sie die Anmeldeart</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>There is no saved connection named &quot;%1&quot;</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“</translation>
    </message>
    <message>
        <source> (saved: %1)</source>
        <translation> (gespeichert: %1)</translation>
    </message>
    <message>
        <source>No secret is stored for &quot;%1&quot; in the keychain: sign in with Keycard Admin (Profile &gt; Connect to Keycard)</source>
        <translation>Für „%1“ ist kein Secret im Schlüsselbund gespeichert: Melden Sie sich mit Keycard Admin an (Profil &gt; Mit Keycard verbinden)</translation>
    </message>
    <message>
        <source>No secret is stored for &quot;%1&quot;: sign in again</source>
        <translation>Für „%1“ ist kein Secret gespeichert: Melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>No keychain is reachable%1, so the secret of &quot;%2&quot; cannot be read: set KEYCARD_API_CLIENT_SECRET (or KEYCARD_API_API_KEY) for this run</source>
        <translation>Kein Schlüsselbund erreichbar%1, daher kann das Secret von „%2“ nicht gelesen werden: Setzen Sie für diesen Aufruf KEYCARD_API_CLIENT_SECRET (oder KEYCARD_API_API_KEY)</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>The settings file %1 is larger than %2 KiB: its connection profiles were not read</source>
        <translation>Die Einstellungsdatei %1 ist größer als %2 KiB: die darin gespeicherten Verbindungsprofile wurden nicht gelesen</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged: some connection profiles may be missing</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt: Einige Verbindungsprofile fehlen möglicherweise</translation>
    </message>
    <message>
        <source>The settings file %1 claims %2 connection profiles: only the first %3 were read</source>
        <translation>Die Einstellungsdatei %1 gibt %2 Verbindungsprofile an: Nur die ersten %3 wurden gelesen</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Cannot start the sandbox: %1</source>
        <translation>Die Sandbox kann nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>SessionInfo</name>
    <message>
        <source>Sandbox — demo data</source>
        <translation>Sandbox – Demodaten</translation>
    </message>
    <message>
        <source>Environment variables (%1)</source>
        <translation>Umgebungsvariablen (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SignInImpact</name>
    <message>
        <source>The sign-in impact is unknown: not every member could be read, so this cannot say who would lose sign-in.</source>
        <translation>Die Auswirkung auf die Anmeldung ist unbekannt: Nicht alle Mitglieder konnten gelesen werden, daher lässt sich nicht sagen, wer die Anmeldung verlieren würde.</translation>
    </message>
    <message numerus="yes">
        <source>Of the %n members read so far:</source>
        <translation>
            <numerusform>Von dem %n bisher gelesenen Mitglied:</numerusform>
            <numerusform>Von den %n bisher gelesenen Mitgliedern:</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody loses sign-in: members keep signing in as they do now.</source>
        <translation>Niemand verliert die Anmeldung: Die Mitglieder melden sich weiter so an wie bisher.</translation>
    </message>
    <message numerus="yes">
        <source>%n active administrators will keep signing in without SSO.</source>
        <translation>
            <numerusform>%n aktiver Administrator wird sich weiter ohne SSO anmelden.</numerusform>
            <numerusform>%n aktive Administratoren werden sich weiter ohne SSO anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody loses sign-in: no member signs in through %1.</source>
        <translation>Niemand verliert die Anmeldung: Kein Mitglied meldet sich über %1 an.</translation>
    </message>
    <message numerus="yes">
        <source>%n members sign in through %1 and would lose sign-in.</source>
        <translation>
            <numerusform>%n Mitglied meldet sich über %1 an und würde die Anmeldung verlieren.</numerusform>
            <numerusform>%n Mitglieder melden sich über %1 an und würden die Anmeldung verlieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Of them active: %1, active administrators: %2.</source>
        <translation>Davon aktiv: %1, aktive Administratoren: %2.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Affected: %1</source>
        <translation>Betroffen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active administrators would still be able to sign in.</source>
        <translation>
            <numerusform>%n aktiver Administrator könnte sich weiterhin anmelden.</numerusform>
            <numerusform>%n aktive Administratoren könnten sich weiterhin anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No active administrator would be left able to sign in: the organization would be locked out.</source>
        <translation>Kein aktiver Administrator könnte sich mehr anmelden: Die Organisation wäre ausgesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>Keep two administrators who do not sign in through SSO (now %n).</source>
        <translation>
            <numerusform>Behalten Sie zwei Administratoren, die sich nicht über SSO anmelden (jetzt %n).</numerusform>
            <numerusform>Behalten Sie zwei Administratoren, die sich nicht über SSO anmelden (jetzt %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members sign in through an issuer that differs from the SSO issuer only by a trailing slash or letter case; they do not count as signing in through SSO.</source>
        <translation>
            <numerusform>%n Mitglied meldet sich über einen Aussteller an, der sich vom SSO-Aussteller nur durch einen abschließenden Schrägstrich oder die Groß-/Kleinschreibung unterscheidet; es zählt nicht als Anmeldung über SSO.</numerusform>
            <numerusform>%n Mitglieder melden sich über einen Aussteller an, der sich vom SSO-Aussteller nur durch einen abschließenden Schrägstrich oder die Groß-/Kleinschreibung unterscheidet; sie zählen nicht als Anmeldung über SSO.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members were listed without a role, status or source that could be read.</source>
        <translation>
            <numerusform>%n Mitglied wurde ohne lesbare Rolle, lesbaren Status oder lesbare Quelle aufgeführt.</numerusform>
            <numerusform>%n Mitglieder wurden ohne lesbare Rolle, lesbaren Status oder lesbare Quelle aufgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SsoProviderPanel</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
</context>
<context>
    <name>keycard</name>
    <message>
        <source>Check the server address, your network connection and any proxy, then try again.</source>
        <translation>Prüfen Sie die Serveradresse, Ihre Netzwerkverbindung und einen etwaigen Proxy und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the server address and your network, then try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie die Serveradresse und Ihr Netzwerk und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Check the server address and that its certificate is trusted on this computer.</source>
        <translation>Prüfen Sie die Serveradresse und ob das Zertifikat des Servers auf diesem Computer als vertrauenswürdig gilt.</translation>
    </message>
    <message>
        <source>Check the credentials of this connection (Profile › Connect to Keycard…).</source>
        <translation>Prüfen Sie die Zugangsdaten dieser Verbindung (Profil › Mit Keycard verbinden …).</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment, then try again.</source>
        <translation>Der Server ist ausgelastet. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server could not answer. Try again later.</source>
        <translation>Der Server konnte nicht antworten. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. Check that the server address points at the Keycard API.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden. Prüfen Sie, ob die Serveradresse auf die Keycard-API zeigt.</translation>
    </message>
    <message>
        <source>Requires the %1.%2 permission</source>
        <translation>Erfordert die Berechtigung %1.%2</translation>
    </message>
    <message>
        <source>Select an organization first</source>
        <translation>Wählen Sie zuerst eine Organisation aus</translation>
    </message>
    <message>
        <source>Whether SSO is enabled for %1 is not known yet: refresh (F5) to ask the server again</source>
        <translation>Ob SSO für %1 aktiviert ist, ist noch nicht bekannt: Aktualisieren Sie (F5), um den Server erneut zu fragen</translation>
    </message>
    <message>
        <source>SSO is already enabled for %1</source>
        <translation>SSO ist für %1 bereits aktiviert</translation>
    </message>
    <message>
        <source>SSO is not enabled for %1</source>
        <translation>SSO ist für %1 nicht aktiviert</translation>
    </message>
    <message>
        <source>Enable single sign-on for %1</source>
        <translation>Single Sign-On für %1 aktivieren</translation>
    </message>
    <message>
        <source>Edit the SSO connection of %1</source>
        <translation>Die SSO-Verbindung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Disable single sign-on for %1</source>
        <translation>Single Sign-On für %1 deaktivieren</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: sent %2, the connection has %3</source>
        <translation>%1: gesendet %2, die Verbindung hat %3</translation>
    </message>
    <message>
        <source>a secret</source>
        <translation>ein Secret</translation>
    </message>
    <message>
        <source>a secret that cannot be compared (Keycard never returns it)</source>
        <translation>ein Secret, das sich nicht vergleichen lässt (Keycard gibt es nie zurück)</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keines gesetzt</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>OpenID userinfo endpoint</source>
        <translation>OpenID-Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>External ID claim</source>
        <translation>Claim der externen ID</translation>
    </message>
    <message>
        <source>limit: must be between 1 and 1000</source>
        <translation>limit: muss zwischen 1 und 1000 liegen</translation>
    </message>
    <message>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <source>Keycard account</source>
        <translation>Keycard-Konto</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>Anderer: %1</translation>
    </message>
</context>
<context>
    <name>keycard::BusyIndicator</name>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>keycard::CallRunner</name>
    <message>
        <source>the request&apos;s path has a “.” or “..” segment; not sent</source>
        <translation>der Pfad der Anfrage hat ein Segment „.“ oder „..“; nicht gesendet</translation>
    </message>
    <message>
        <source>(the server asked to retry after %1; that is more than the %2 left of this request&apos;s time limit, so it was not retried)</source>
        <translation>(der Server bat um einen neuen Versuch nach %1; das ist mehr als die %2, die vom Zeitlimit dieser Anfrage bleiben, daher wurde nicht wiederholt)</translation>
    </message>
</context>
<context>
    <name>keycard::ConnectionPane</name>
    <message>
        <source>Connection ID</source>
        <translation>Verbindungs-ID</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>More fields reported by the server</source>
        <translation>Weitere Felder vom Server</translation>
    </message>
    <message>
        <source>Issuer URL:</source>
        <translation>Aussteller-URL:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <source>Connection ID:</source>
        <translation>Verbindungs-ID:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Loading the SSO connection…</source>
        <translation>SSO-Verbindung wird geladen …</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Set (Keycard stores it encrypted and never shows it)</source>
        <translation>Gesetzt (verschlüsselt gespeichert, nie angezeigt)</translation>
    </message>
    <message>
        <source>Single sign-on is not enabled for %1</source>
        <translation>Single Sign-On ist für %1 nicht aktiviert</translation>
    </message>
    <message>
        <source>With SSO, members sign in to Keycard through your identity provider (Okta, Entra ID, Google Workspace, …) with the accounts and policies you already manage there. Enabling it needs the IdP&apos;s issuer URL and the client ID of an application registered at the IdP.</source>
        <translation>Mit SSO melden sich Mitglieder über Ihren Identitätsanbieter (Okta, Entra ID, Google Workspace, …) bei Keycard an – mit den Konten und Richtlinien, die Sie dort bereits verwalten. Zum Aktivieren brauchen Sie die Aussteller-URL des IdP und die Client-ID einer beim IdP registrierten Anwendung.</translation>
    </message>
    <message>
        <source>The SSO connection could not be loaded</source>
        <translation>Die SSO-Verbindung konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Ena&amp;ble SSO…</source>
        <translation>SSO a&amp;ktivieren …</translation>
    </message>
</context>
<context>
    <name>keycard::DetailHeader</name>
    <message>
        <source>Organization ID</source>
        <translation>Organisations-ID</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>SSO:</source>
        <translation>SSO:</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Not enabled</source>
        <translation>Nicht aktiviert</translation>
    </message>
    <message>
        <source>Organization %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>keycard::EndpointsPane</name>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Scopes supported</source>
        <translation>Unterstützte Scopes</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <source>Userinfo endpoint</source>
        <translation>Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>Loading endpoints…</source>
        <translation>Endpunkte werden geladen …</translation>
    </message>
    <message>
        <source>No endpoints</source>
        <translation>Keine Endpunkte</translation>
    </message>
    <message>
        <source>Endpoints are part of an SSO connection, and this organization has none.</source>
        <translation>Endpunkte gehören zu einer SSO-Verbindung, und diese Organisation hat keine.</translation>
    </message>
    <message>
        <source>The endpoints could not be loaded</source>
        <translation>Die Endpunkte konnten nicht geladen werden</translation>
    </message>
</context>
<context>
    <name>keycard::IdpComparisonBox</name>
    <message>
        <source>Compared with the identity provider</source>
        <translation>Abgleich mit dem Identitätsanbieter</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>Abg&amp;leichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Fetch the identity provider&apos;s discovery document (without Keycard credentials) and compare it with Keycard&apos;s values</source>
        <translation>Das Discovery-Dokument des Identitätsanbieters abrufen (ohne Keycard-Zugangsdaten) und mit den Werten von Keycard abgleichen</translation>
    </message>
    <message>
        <source>%1 at the identity provider</source>
        <translation>%1 beim Identitätsanbieter</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Abgleich abgebrochen.</translation>
    </message>
    <message>
        <source>Not compared yet. Compare reads the identity provider&apos;s discovery document (%1) without Keycard credentials.</source>
        <translation>Noch nicht abgeglichen. „Abgleichen“ liest das Discovery-Dokument des Identitätsanbieters (%1) ohne Keycard-Zugangsdaten.</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Abgleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Co&amp;mpare again</source>
        <translation>Erneut abg&amp;leichen</translation>
    </message>
    <message>
        <source>The identity provider&apos;s discovery document could not be read at %1: %2</source>
        <translation>Das Discovery-Dokument des Identitätsanbieters konnte um %1 nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>≠ Keycard has another value</source>
        <translation>≠ Keycard hat einen anderen Wert</translation>
    </message>
    <message>
        <source>Keycard has none</source>
        <translation>Keycard hat keinen</translation>
    </message>
    <message>
        <source>Only Keycard has one</source>
        <translation>Nur Keycard hat einen</translation>
    </message>
    <message>
        <source>Neither lists one</source>
        <translation>Keiner nennt einen</translation>
    </message>
    <message>
        <source>Keycard: none</source>
        <translation>Keycard: keiner</translation>
    </message>
    <message>
        <source>Keycard: %1</source>
        <translation>Keycard: %1</translation>
    </message>
    <message>
        <source>Read at %1: no value differs from Keycard&apos;s.</source>
        <translation>Gelesen um %1: kein Wert weicht von Keycard ab.</translation>
    </message>
    <message numerus="yes">
        <source>Read at %1: %n values differ from Keycard&apos;s.</source>
        <translation>
            <numerusform>Gelesen um %1: %n Wert weicht von Keycard ab.</numerusform>
            <numerusform>Gelesen um %1: %n Werte weichen von Keycard ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Same as Keycard</source>
        <translation>✓ Gleich wie bei Keycard</translation>
    </message>
    <message>
        <source>“Keycard has none” needs no action: Keycard discovers these values from the identity provider itself when members sign in.</source>
        <translation>„Keycard hat keinen“ erfordert nichts: Keycard ermittelt diese Werte selbst beim Identitätsanbieter, wenn sich Mitglieder anmelden.</translation>
    </message>
</context>
<context>
    <name>keycard::InvitationsSection</name>
    <message>
        <source>Revo&amp;ke…</source>
        <translation>&amp;Zurückziehen …</translation>
    </message>
    <message>
        <source>Pending invitations</source>
        <translation>Offene Einladungen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Pending invitations: reading…</source>
        <translation>Offene Einladungen: werden gelesen …</translation>
    </message>
    <message>
        <source>Pending invitations: could not be read (%1)</source>
        <translation>Offene Einladungen: konnten nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Pending invitations: %1 of the first %2 shown</source>
        <translation>Offene Einladungen: %1 der ersten %2 angezeigt</translation>
    </message>
    <message>
        <source>Pending invitations: %1</source>
        <translation>Offene Einladungen: %1</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>Einladung zurückziehen</translation>
    </message>
    <message>
        <source>Revoke the invitation for %1? The link in it stops working.</source>
        <translation>Die Einladung für %1 zurückziehen? Der Link darin funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>The invitation was not revoked</source>
        <translation>Die Einladung wurde nicht zurückgezogen</translation>
    </message>
</context>
<context>
    <name>keycard::InviteMemberDialog</name>
    <message>
        <source>Send invitation</source>
        <translation>Einladung senden</translation>
    </message>
    <message>
        <source>Invite a member — %1</source>
        <translation>Mitglied einladen — %1</translation>
    </message>
    <message>
        <source>Invite someone to %1</source>
        <translation>Jemanden zu %1 einladen</translation>
    </message>
    <message>
        <source>Keycard sends an invitation to this address. Once accepted, the person signs in with a Keycard account: an administrator invited so can still sign in if single sign-on breaks.</source>
        <translation>Keycard sendet eine Einladung an diese Adresse. Nach der Annahme meldet sich die Person mit einem Keycard-Konto an: Ein so eingeladener Administrator kann sich auch dann noch anmelden, wenn Single Sign-On ausfällt.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The invitation was not sent</source>
        <translation>Die Einladung wurde nicht gesendet</translation>
    </message>
</context>
<context>
    <name>keycard::MainWindow</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>About Keycard Admin</source>
        <translation>Über Keycard Admin</translation>
    </message>
    <message>
        <source>Keycard Admin</source>
        <translation>Keycard Admin</translation>
    </message>
    <message>
        <source>Keycard Admin — Sandbox (demo data)</source>
        <translation>Keycard Admin – Sandbox (Demodaten)</translation>
    </message>
    <message>
        <source>Keycard Admin — %1</source>
        <translation>Keycard Admin – %1</translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation>Organisationen werden geladen …</translation>
    </message>
    <message>
        <source>Loading organization details…</source>
        <translation>Details der Organisation werden geladen …</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keycard Admin %1&lt;/h3&gt;&lt;p&gt;Set up and inspect single sign-on for Keycard organizations.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;&lt;p&gt;Source code under the Apache License 2.0. This program links Qt HttpServer (GPL-3.0 only), so it is distributed under the GNU General Public License version 3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keycard Admin %1&lt;/h3&gt;&lt;p&gt;Single Sign-On für Keycard-Organisationen einrichten und prüfen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;&lt;p&gt;Quellcode unter der Apache License 2.0. Dieses Programm bindet Qt HttpServer (nur GPL-3.0) ein und wird daher unter der GNU General Public License Version 3 vertrieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Refreshed at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Refresh failed at %1: see the message over the list</source>
        <translation>Aktualisierung um %1 fehlgeschlagen: siehe die Meldung über der Liste</translation>
    </message>
    <message>
        <source>the manual page (&lt;code&gt;man keycard-admin&lt;/code&gt;)</source>
        <translation>die Handbuchseite (&lt;code&gt;man keycard-admin&lt;/code&gt;)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Documentation: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dokumentation: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Documentation: %1. Installed packages also have the README in %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dokumentation: %1. Installierte Pakete enthalten außerdem die README in %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>keycard::MainWindowActions</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reload the organization list and the selected organization (%1)</source>
        <translation>Die Organisationsliste und die ausgewählte Organisation neu laden (%1)</translation>
    </message>
    <message>
        <source>Load &amp;All Organizations</source>
        <translation>&amp;Alle Organisationen laden</translation>
    </message>
    <message>
        <source>Fetch every remaining page of organizations</source>
        <translation>Alle restlichen Seiten der Organisationsliste abrufen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Filter organizations by name, label or ID</source>
        <translation>Organisationen nach Name, Label oder ID filtern</translation>
    </message>
    <message>
        <source>&amp;Enable SSO…</source>
        <translation>SSO &amp;aktivieren …</translation>
    </message>
    <message>
        <source>Ed&amp;it SSO…</source>
        <translation>SSO &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Disable SSO…</source>
        <translation>SSO &amp;deaktivieren …</translation>
    </message>
    <message>
        <source>&amp;About Keycard Admin</source>
        <translation>Ü&amp;ber Keycard Admin</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Changing SSO settings is not available in this build of Keycard Admin</source>
        <translation>SSO-Einstellungen können in dieser Version von Keycard Admin nicht geändert werden</translation>
    </message>
    <message>
        <source>The selected organization is hidden by the filter</source>
        <translation>Die ausgewählte Organisation wird vom Filter ausgeblendet</translation>
    </message>
    <message>
        <source>Select an organization first</source>
        <translation>Wählen Sie zuerst eine Organisation aus</translation>
    </message>
    <message>
        <source>Loading the organization…</source>
        <translation>Organisation wird geladen …</translation>
    </message>
    <message>
        <source>Whether SSO is enabled for %1 is not known: %2. Refresh (F5) to ask the server again.</source>
        <translation>Ob SSO für %1 aktiviert ist, ist nicht bekannt: %2. Aktualisieren Sie (F5), um den Server erneut zu fragen.</translation>
    </message>
    <message>
        <source>Whether SSO is enabled for %1 is not known yet: refresh (F5) to ask the server again</source>
        <translation>Ob SSO für %1 aktiviert ist, ist noch nicht bekannt: Aktualisieren Sie (F5), um den Server erneut zu fragen</translation>
    </message>
    <message>
        <source>SSO is not enabled for this organization</source>
        <translation>SSO ist für diese Organisation nicht aktiviert</translation>
    </message>
    <message>
        <source>SSO is already enabled for this organization</source>
        <translation>SSO ist für diese Organisation bereits aktiviert</translation>
    </message>
    <message>
        <source>Enable single sign-on for the selected organization</source>
        <translation>Single Sign-On für die ausgewählte Organisation aktivieren</translation>
    </message>
    <message>
        <source>Change the selected organization&apos;s SSO connection</source>
        <translation>Die SSO-Verbindung der ausgewählten Organisation ändern</translation>
    </message>
    <message>
        <source>Turn off single sign-on for the selected organization</source>
        <translation>Single Sign-On für die ausgewählte Organisation abschalten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>keycard::MemberChangeDialog</name>
    <message>
        <source>Not connected to Keycard.</source>
        <translation>Nicht mit Keycard verbunden.</translation>
    </message>
    <message>
        <source>Reading the members to see which administrators remain…</source>
        <translation>Die Mitglieder werden gelesen, um zu sehen, welche Administratoren bleiben …</translation>
    </message>
    <message>
        <source>Reading the members to see which administrators remain… %1 read</source>
        <translation>Die Mitglieder werden gelesen, um zu sehen, welche Administratoren bleiben … %1 gelesen</translation>
    </message>
    <message>
        <source>The members could not be read: %1</source>
        <translation>Die Mitglieder konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Another administrator remains</source>
        <translation>Ein anderer Administrator bleibt</translation>
    </message>
    <message>
        <source>No administrator outside SSO would remain</source>
        <translation>Kein Administrator außerhalb von SSO bliebe</translation>
    </message>
    <message>
        <source>The last active administrator cannot be changed</source>
        <translation>Der letzte aktive Administrator kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Whether an administrator remains is unknown</source>
        <translation>Ob ein Administrator bleibt, ist unbekannt</translation>
    </message>
</context>
<context>
    <name>keycard::MemberListModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>(no email) %1</source>
        <translation>(keine E-Mail) %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>The server did not say</source>
        <translation>Vom Server nicht angegeben</translation>
    </message>
    <message>
        <source>This organization&apos;s SSO connection: %1</source>
        <translation>SSO-Verbindung dieser Organisation: %1</translation>
    </message>
    <message>
        <source>As the server wrote it: %1</source>
        <translation>Wie vom Server geschrieben: %1</translation>
    </message>
    <message>
        <source> (UTC)</source>
        <translation> (UTC)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Signs in through</source>
        <translation>Meldet sich an über</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
</context>
<context>
    <name>keycard::MembersPane</name>
    <message>
        <source>Chan&amp;ge role</source>
        <translation>Rolle we&amp;chseln</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>Deak&amp;tivieren …</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Ent&amp;fernen …</translation>
    </message>
    <message>
        <source>Invi&amp;te…</source>
        <translation>&amp;Jemanden einladen …</translation>
    </message>
    <message>
        <source>Filter by email, role or sign-in</source>
        <translation>Nach E-Mail, Rolle oder Anmeldung filtern</translation>
    </message>
    <message>
        <source>Filter members</source>
        <translation>Mitglieder filtern</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Invite an administrator…</source>
        <translation>Administrator einladen …</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Could not read the members</source>
        <translation>Die Mitglieder konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading the members…</source>
        <translation>Die Mitglieder werden gelesen …</translation>
    </message>
    <message>
        <source>%1 members: %2 sign in through this organization&apos;s SSO, %3 with Keycard accounts, %4 through other issuers.</source>
        <translation>%1 Mitglieder: %2 melden sich über die SSO-Verbindung dieser Organisation an, %3 mit Keycard-Konten, %4 über andere Aussteller.</translation>
    </message>
    <message>
        <source>Whether this organization has SSO is not known yet: nobody is counted as signing in through it.</source>
        <translation>Ob diese Organisation SSO hat, ist noch nicht bekannt: Niemand wird als über SSO angemeldet gezählt.</translation>
    </message>
    <message>
        <source>Emergency access administrators (active, not signing in through SSO): %1 of %2 active administrators.</source>
        <translation>Administratoren für den Notfallzugang (aktiv, ohne Anmeldung über SSO): %1 von %2 aktiven Administratoren.</translation>
    </message>
    <message>
        <source>Still reading: these counts grow until every member is read.</source>
        <translation>Wird noch gelesen: Diese Zahlen wachsen, bis alle Mitglieder gelesen sind.</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Unvollständig: %1</translation>
    </message>
    <message>
        <source>Keep two administrators who do not sign in through SSO: if the identity provider fails, they are the only way in (now %1).</source>
        <translation>Behalten Sie zwei Administratoren, die sich nicht über SSO anmelden: Fällt der Identitätsanbieter aus, sind sie der einzige Zugang (jetzt %1).</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <source>%1 of %2 members</source>
        <translation>%1 von %2 Mitgliedern</translation>
    </message>
    <message>
        <source>The server does not grant you %1.</source>
        <translation>Der Server gewährt Ihnen %1 nicht.</translation>
    </message>
    <message>
        <source>Re-enab&amp;le…</source>
        <translation>Wieder akt&amp;ivieren …</translation>
    </message>
    <message>
        <source>Some actions are unavailable: the server does not grant you %1.</source>
        <translation>Einige Aktionen sind nicht verfügbar: Der Server gewährt Ihnen %1 nicht.</translation>
    </message>
    <message>
        <source>The member was not changed</source>
        <translation>Das Mitglied wurde nicht geändert</translation>
    </message>
    <message>
        <source>Re-enable member</source>
        <translation>Mitglied wieder aktivieren</translation>
    </message>
    <message>
        <source>Disable member</source>
        <translation>Mitglied deaktivieren</translation>
    </message>
    <message>
        <source>Re-enable %1? They can sign in again.</source>
        <translation>%1 wieder aktivieren? Die Person kann sich dann wieder anmelden.</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in until re-enabled.</source>
        <translation>%1 deaktivieren? Die Person kann sich nicht mehr anmelden, bis sie wieder aktiviert wird.</translation>
    </message>
    <message>
        <source>Re-enable</source>
        <translation>Wieder aktivieren</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from %2? This cannot be undone: they lose access to the organization and must be invited again.</source>
        <translation>%1 aus %2 entfernen? Das lässt sich nicht rückgängig machen: Die Person verliert den Zugang zur Organisation und muss erneut eingeladen werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The member was not removed</source>
        <translation>Das Mitglied wurde nicht entfernt</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Make %1 %2? They are no longer an administrator of %3.</source>
        <translation>%1 die Rolle „%2“ geben? Die Person ist dann kein Administrator von %3 mehr.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Clear the filter (Esc)</source>
        <translation>Filter löschen (Esc)</translation>
    </message>
    <message>
        <source>Could not refresh the members: the list shown is the one read before</source>
        <translation>Die Mitglieder konnten nicht aktualisiert werden: Die angezeigte Liste ist die zuvor gelesene</translation>
    </message>
</context>
<context>
    <name>keycard::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>keycard::OrganizationBrowser</name>
    <message>
        <source>Load &amp;all</source>
        <translation>&amp;Alle laden</translation>
    </message>
    <message>
        <source>Filter by name, label or ID</source>
        <translation>Nach Name, Label oder ID filtern</translation>
    </message>
    <message>
        <source>Filter organizations</source>
        <translation>Organisationen filtern</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Clear the filter (Esc)</source>
        <translation>Filter löschen (Esc)</translation>
    </message>
    <message>
        <source>Load all organizations</source>
        <translation>Alle Organisationen laden</translation>
    </message>
    <message>
        <source>Fetch every remaining page of organizations</source>
        <translation>Alle restlichen Seiten der Organisationsliste abrufen</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Organizations loaded</source>
        <translation>Geladene Organisationen</translation>
    </message>
    <message>
        <source>Loading all organizations</source>
        <translation>Alle Organisationen werden geladen</translation>
    </message>
    <message>
        <source>Could not load the organizations</source>
        <translation>Die Organisationen konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation>Organisationen werden geladen …</translation>
    </message>
    <message>
        <source>Organizations could not be loaded</source>
        <translation>Organisationen konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No organizations</source>
        <translation>Keine Organisationen</translation>
    </message>
    <message>
        <source>The server lists no organizations for this account.</source>
        <translation>Der Server listet für dieses Konto keine Organisationen.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Organizations appear here once the app is connected to a Keycard server.</source>
        <translation>Organisationen erscheinen hier, sobald die App mit einem Keycard-Server verbunden ist.</translation>
    </message>
    <message>
        <source>No matching organizations</source>
        <translation>Keine passenden Organisationen</translation>
    </message>
    <message>
        <source>Nothing loaded so far matches “%1”. Load all to search every organization.</source>
        <translation>Nichts bisher Geladenes passt zu „%1“. Laden Sie alle, um jede Organisation zu durchsuchen.</translation>
    </message>
    <message>
        <source>No organization&apos;s name, label or ID contains “%1”.</source>
        <translation>Keine Organisation enthält „%1“ in Name, Label oder ID.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>%1 loaded, more available</source>
        <translation>%1 geladen, weitere verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln organizations</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown · %2</source>
        <translation>%1 angezeigt · %2</translation>
    </message>
    <message>
        <source>%1 · not up to date: the last refresh failed</source>
        <translation>%1 · nicht aktuell: Die letzte Aktualisierung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 loaded, paging stopped</source>
        <translation>%1 geladen, Seitenabruf angehalten</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n incomplete</source>
        <translation>
            <numerusform>%1 · %n unvollständig</numerusform>
            <numerusform>%1 · %n unvollständig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items were incomplete (a field missing or of the wrong type): those values are shown as unknown.</source>
        <translation>
            <numerusform>%n Eintrag war unvollständig (ein Feld fehlte oder hatte den falschen Typ): Diese Werte werden als unbekannt angezeigt.</numerusform>
            <numerusform>%n Einträge waren unvollständig (ein Feld fehlte oder hatte den falschen Typ): Diese Werte werden als unbekannt angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n left out</source>
        <translation>
            <numerusform>%1 · %n ausgelassen</numerusform>
            <numerusform>%1 · %n ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items were left out: not an object or without an ID.</source>
        <translation>
            <numerusform>%n Eintrag wurde ausgelassen: kein Objekt oder ohne ID.</numerusform>
            <numerusform>%n Einträge wurden ausgelassen: kein Objekt oder ohne ID.</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>keycard::OrganizationDetail</name>
    <message>
        <source>No organization selected</source>
        <translation>Keine Organisation ausgewählt</translation>
    </message>
    <message>
        <source>Select an organization in the list to see its single sign-on connection, permissions and endpoints.</source>
        <translation>Wählen Sie eine Organisation in der Liste aus, um ihre Single-Sign-On-Verbindung, Berechtigungen und Endpunkte zu sehen.</translation>
    </message>
    <message>
        <source>Organization details</source>
        <translation>Details der Organisation</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>E&amp;ndpoints</source>
        <translation>E&amp;ndpunkte</translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation>&amp;Rohdaten</translation>
    </message>
    <message>
        <source>The organization no longer exists on the server</source>
        <translation>Die Organisation existiert auf dem Server nicht mehr</translation>
    </message>
    <message>
        <source>Could not load the organization</source>
        <translation>Die Organisation konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Could not load the SSO connection</source>
        <translation>Die SSO-Verbindung konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>%1 is hidden by the filter</source>
        <translation>%1 wird vom Filter ausgeblendet</translation>
    </message>
    <message>
        <source>Clear the filter to see its details again, or select an organization that matches it.</source>
        <translation>Löschen Sie den Filter, um die Details wieder zu sehen, oder wählen Sie eine Organisation aus, die zum Filter passt.</translation>
    </message>
    <message>
        <source>Whether this organization has an SSO connection is unknown until it can be read again: refresh (F5) to try again.</source>
        <translation>Ob diese Organisation eine SSO-Verbindung hat, ist unbekannt, bis sie wieder gelesen werden kann: Aktualisieren Sie (F5), um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Perm&amp;issions</source>
        <translation>Berechti&amp;gungen</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Wi&amp;ederholen</translation>
    </message>
    <message>
        <source>Read-only: you cannot enable, edit or disable SSO for this organization. %1.</source>
        <translation>Nur lesend: Sie können SSO für diese Organisation weder aktivieren noch bearbeiten oder deaktivieren. %1.</translation>
    </message>
    <message>
        <source>Member&amp;s</source>
        <translation>&amp;Mitglieder</translation>
    </message>
</context>
<context>
    <name>keycard::OrganizationListModel</name>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
    <message>
        <source>Single sign-on is enabled</source>
        <translation>Single Sign-On ist aktiviert</translation>
    </message>
    <message>
        <source>Single sign-on is not enabled</source>
        <translation>Single Sign-On ist nicht aktiviert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The server did not say whether single sign-on is enabled</source>
        <translation>Der Server hat nicht mitgeteilt, ob Single Sign-On aktiviert ist</translation>
    </message>
</context>
<context>
    <name>keycard::PermissionsPane</name>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Not reported by the server</source>
        <translation>Vom Server nicht gemeldet</translation>
    </message>
    <message>
        <source>SSO connection</source>
        <translation>SSO-Verbindung</translation>
    </message>
    <message>
        <source>No SSO connection: SSO is not enabled</source>
        <translation>Keine SSO-Verbindung: SSO ist nicht aktiviert</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>%1.%2 is granted</source>
        <translation>%1.%2 ist erteilt</translation>
    </message>
    <message>
        <source>%1.%2 is denied</source>
        <translation>%1.%2 ist verweigert</translation>
    </message>
</context>
<context>
    <name>keycard::RawPane</name>
    <message>
        <source>Raw JSON</source>
        <translation>JSON-Rohdaten</translation>
    </message>
</context>
<context>
    <name>keycard::SandboxBadge</name>
    <message>
        <source>Sandbox — demo data</source>
        <translation>Sandbox – Demodaten</translation>
    </message>
    <message>
        <source>The app is running on its built-in sandbox: a local server with demo organizations. Nothing here reaches Keycard, and changes are forgotten when the app closes.</source>
        <translation>Die App läuft auf ihrer eingebauten Sandbox: einem lokalen Server mit Demo-Organisationen. Nichts hiervon erreicht Keycard, und Änderungen gehen beim Beenden der App verloren.</translation>
    </message>
</context>
<context>
    <name>keycard::SandboxProcess</name>
    <message>
        <source>the demo server %1 is not installed</source>
        <translation>der Demo-Server %1 ist nicht installiert</translation>
    </message>
    <message>
        <source>The demo server stopped unexpectedly (it crashed).</source>
        <translation>Der Demo-Server wurde unerwartet beendet (er ist abgestürzt).</translation>
    </message>
    <message>
        <source>The demo server stopped unexpectedly (exit code %1).</source>
        <translation>Der Demo-Server wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Seine Meldung: %1</translation>
    </message>
    <message>
        <source>The demo server could not be started: %1</source>
        <translation>Der Demo-Server konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>keycard::ScreenshotController</name>
    <message>
        <source>keycard-admin: nothing loaded within 30 s; capturing the window as it is</source>
        <translation>keycard-admin: innerhalb von 30 s nichts geladen; das Fenster wird so aufgenommen, wie es ist</translation>
    </message>
    <message>
        <source>keycard-admin: cannot write %1</source>
        <translation>keycard-admin: %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>keycard::SignInImpactBox</name>
    <message>
        <source>Not connected to Keycard.</source>
        <translation>Nicht mit Keycard verbunden.</translation>
    </message>
    <message>
        <source>Reading the members to see who signs in through single sign-on…</source>
        <translation>Die Mitglieder werden gelesen, um zu sehen, wer sich über Single Sign-On anmeldet …</translation>
    </message>
    <message>
        <source>Nobody loses sign-in</source>
        <translation>Niemand verliert die Anmeldung</translation>
    </message>
    <message>
        <source>Members would lose sign-in</source>
        <translation>Mitglieder würden die Anmeldung verlieren</translation>
    </message>
    <message>
        <source>No administrator would be left able to sign in</source>
        <translation>Kein Administrator könnte sich mehr anmelden</translation>
    </message>
    <message>
        <source>Who loses sign-in is unknown</source>
        <translation>Wer die Anmeldung verliert, ist unbekannt</translation>
    </message>
</context>
<context>
    <name>keycard::SsoLoginSection</name>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Login URL</source>
        <translation>Login-URL</translation>
    </message>
    <message>
        <source>External ID claim</source>
        <translation>Claim der externen ID</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Login URL:</source>
        <translation>Login-URL:</translation>
    </message>
    <message>
        <source>External ID claim:</source>
        <translation>Claim der externen ID:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>The identity provider-initiated login URL: set it as the login URL (login_uri) of the application at the identity provider</source>
        <translation>Die vom Identitätsanbieter initiierte Login-URL: Tragen Sie sie als Login-URL (login_uri) der Anwendung beim Identitätsanbieter ein</translation>
    </message>
    <message>
        <source>Register this redirect URI in the identity provider&apos;s application</source>
        <translation>Registrieren Sie diese Weiterleitungs-URI in der Anwendung beim Identitätsanbieter</translation>
    </message>
    <message>
        <source>Not reported by this server</source>
        <translation>Von diesem Server nicht gemeldet</translation>
    </message>
    <message>
        <source>Not reported (Keycard&apos;s default is sub)</source>
        <translation>Nicht gemeldet (Standard von Keycard ist sub)</translation>
    </message>
</context>
<context>
    <name>keycard::StartupProbe</name>
    <message>
        <source>startup-probe: the organization list failed to load: %1</source>
        <translation>startup-probe: Die Organisationsliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>startup-probe: the organization list is empty</source>
        <translation>startup-probe: Die Organisationsliste ist leer</translation>
    </message>
    <message>
        <source>startup-probe: nothing painted within 30 s</source>
        <translation>startup-probe: innerhalb von 30 s nichts gezeichnet</translation>
    </message>
    <message>
        <source>startup-probe: first paint after %1 ms, organizations in the list: %2</source>
        <translation>startup-probe: erstes Zeichnen nach %1 ms, Organisationen in der Liste: %2</translation>
    </message>
</context>
<context>
    <name>keycard::TokenProvider</name>
    <message>
        <source>could not obtain an access token: %1</source>
        <translation>Es konnte kein Zugriffstoken bezogen werden: %1</translation>
    </message>
    <message>
        <source>the token endpoint refused the service account credentials (client ID and secret)</source>
        <translation>Der Token-Endpunkt hat die Zugangsdaten des Dienstkontos abgelehnt (Client-ID und Secret)</translation>
    </message>
    <message>
        <source>the token response is not a JSON object</source>
        <translation>Die Token-Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the access token has characters a bearer token cannot have</source>
        <translation>Das Zugriffstoken enthält Zeichen, die ein Bearer-Token nicht enthalten darf</translation>
    </message>
</context>
<context>
    <name>keycard::ValueField</name>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Open %1 in the web browser</source>
        <translation>%1 im Webbrowser öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Could not open a browser</source>
        <translation>Es konnte kein Browser geöffnet werden</translation>
    </message>
    <message>
        <source>No web browser could be opened for this address. Copy it and open it yourself:</source>
        <translation>Für diese Adresse konnte kein Webbrowser geöffnet werden. Kopieren Sie sie und öffnen Sie sie selbst:</translation>
    </message>
</context>
<context>
    <name>keycard::cli</name>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.
</source>
        <translation>Weitere Informationen erhalten Sie mit „%1 --help“.
</translation>
    </message>
    <message>
        <source>Set KEYCARD_API_CLIENT_ID and KEYCARD_API_CLIENT_SECRET (a service account), or KEYCARD_API_API_KEY.
</source>
        <translation>Setzen Sie KEYCARD_API_CLIENT_ID und KEYCARD_API_CLIENT_SECRET (ein Dienstkonto) oder KEYCARD_API_API_KEY.
</translation>
    </message>
    <message>
        <source>Client secret for %1 (input hidden): </source>
        <translation>Client-Secret für %1 (Eingabe verborgen): </translation>
    </message>
    <message>
        <source>--client-secret-stdin: standard input held no secret</source>
        <translation>--client-secret-stdin: Die Standardeingabe enthielt kein Secret</translation>
    </message>
    <message>
        <source>nothing to update: give --identifier, --client-id, --client-secret-stdin, a --clear-... option or a protocol option</source>
        <translation>Nichts zu ändern: Geben Sie --identifier, --client-id, --client-secret-stdin, eine --clear-...-Option oder eine Protokolloption an</translation>
    </message>
    <message>
        <source>refusing to disable SSO for %1 without --yes (standard input is not a terminal to ask on)</source>
        <translation>SSO für %1 wird ohne --yes nicht deaktiviert (die Standardeingabe ist kein Terminal für eine Rückfrage)</translation>
    </message>
    <message>
        <source>Disable SSO for %1? Its connection and stored client secret are deleted. [y/N] </source>
        <translation>SSO für %1 deaktivieren? Die Verbindung und das gespeicherte Client-Secret werden gelöscht. [y/N] </translation>
    </message>
    <message>
        <source>keycardctl: not disabled
</source>
        <translation>keycardctl: nicht deaktiviert
</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>Unbekannte Option „%1“</translation>
    </message>
    <message>
        <source>--%1: secrets are not accepted on the command line, where other users and the shell history can see them. Pipe the SSO client secret into --client-secret-stdin (or set KEYCARD_SSO_CLIENT_SECRET); the service account&apos;s credentials come from KEYCARD_API_CLIENT_ID and KEYCARD_API_CLIENT_SECRET, or KEYCARD_API_API_KEY.</source>
        <translation>--%1: Secrets werden auf der Befehlszeile nicht angenommen, wo andere Benutzer und der Shell-Verlauf sie sehen können. Leiten Sie das SSO-Client-Secret in --client-secret-stdin (oder setzen Sie KEYCARD_SSO_CLIENT_SECRET); die Zugangsdaten des Dienstkontos kommen aus KEYCARD_API_CLIENT_ID und KEYCARD_API_CLIENT_SECRET oder aus KEYCARD_API_API_KEY.</translation>
    </message>
    <message>
        <source>unknown option &apos;--%1&apos;</source>
        <translation>Unbekannte Option „--%1“</translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>--%1 does not take a value</source>
        <translation>--%1 nimmt keinen Wert an</translation>
    </message>
    <message>
        <source>no help for unknown command &apos;%1&apos;</source>
        <translation>Keine Hilfe für den unbekannten Befehl „%1“</translation>
    </message>
    <message>
        <source>missing command</source>
        <translation>Befehl fehlt</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>Unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>missing command after &apos;%1&apos;</source>
        <translation>Befehl nach „%1“ fehlt</translation>
    </message>
    <message>
        <source>unknown command &apos;%1 %2&apos;</source>
        <translation>Unbekannter Befehl „%1 %2“</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>Unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>missing ORG (an organization&apos;s id or label)</source>
        <translation>ORG fehlt (die ID oder das Label einer Organisation)</translation>
    </message>
    <message>
        <source>--%1 is not an option of &apos;%2&apos;</source>
        <translation>--%1 ist keine Option von „%2“</translation>
    </message>
    <message>
        <source>--%1: not a number: &apos;%2&apos;</source>
        <translation>--%1: keine Zahl: „%2“</translation>
    </message>
    <message>
        <source>--timeout: between %1 and %2 seconds</source>
        <translation>--timeout: zwischen %1 und %2 Sekunden</translation>
    </message>
    <message>
        <source>--retries: between 0 and 10 — %1 entered</source>
        <translation>--retries: zwischen 0 und 10 – %1 eingegeben</translation>
    </message>
    <message>
        <source>--limit: between %1 and %2 — %3 entered</source>
        <translation>--limit: zwischen %1 und %2 – %3 eingegeben</translation>
    </message>
    <message>
        <source>--after: the cursor must not be empty</source>
        <translation>--after: Der Cursor darf nicht leer sein</translation>
    </message>
    <message>
        <source>--client-id and --clear-client-id cannot be combined</source>
        <translation>--client-id und --clear-client-id können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>--client-secret-stdin and --clear-client-secret cannot be combined</source>
        <translation>--client-secret-stdin und --clear-client-secret können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>%1: not an absolute http(s) URL</source>
        <translation>%1: keine absolute http(s)-URL</translation>
    </message>
    <message>
        <source>Usage: keycardctl [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]
</source>
        <translation>Aufruf: keycardctl [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]
</translation>
    </message>
    <message>
        <source>Inspect Keycard organizations and set up their single sign-on (SSO)
connection from scripts. The command-line twin of Keycard Admin.
</source>
        <translation>Keycard-Organisationen prüfen und ihre Single-Sign-On-Verbindung (SSO) aus
Skripten einrichten. Das Befehlszeilen-Gegenstück zu Keycard Admin.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl orgs list
  keycardctl orgs list --all --json | jq -r &apos;.[].label&apos;
  keycardctl sso get acme
  printf &apos;%s&apos; &quot;$IDP_SECRET&quot; | keycardctl sso enable acme \
      --identifier https://acme.okta.com --client-id 0oa8f3k2 \
      --client-secret-stdin
  keycard-sandbox &amp; KEYCARD_API_CLIENT_ID=demo-admin \
      KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret \
      keycardctl --base-url http://127.0.0.1:8765 orgs list
</source>
        <translation>Beispiele:
  keycardctl orgs list
  keycardctl orgs list --all --json | jq -r &apos;.[].label&apos;
  keycardctl sso get acme
  printf &apos;%s&apos; &quot;$IDP_SECRET&quot; | keycardctl sso enable acme \
      --identifier https://acme.okta.com --client-id 0oa8f3k2 \
      --client-secret-stdin
  keycard-sandbox &amp; KEYCARD_API_CLIENT_ID=demo-admin \
      KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret \
      keycardctl --base-url http://127.0.0.1:8765 orgs list
</translation>
    </message>
    <message>
        <source>Run &apos;keycardctl help COMMAND&apos; (e.g. &apos;keycardctl help sso enable&apos;) for the
options of a command.
</source>
        <translation>Mit „keycardctl help COMMAND“ (z. B. „keycardctl help sso enable“) erhalten Sie
die Optionen eines Befehls.
</translation>
    </message>
    <message>
        <source>Usage: keycardctl orgs list [--all] [--limit N] [--after CURSOR] [--permissions]
       keycardctl orgs get ORG
</source>
        <translation>Aufruf: keycardctl orgs list [--all] [--limit N] [--after CURSOR] [--permissions]
        keycardctl orgs get ORG
</translation>
    </message>
    <message>
        <source>Organizations the service account can see.
</source>
        <translation>Organisationen, die das Dienstkonto sehen kann.
</translation>
    </message>
    <message>
        <source>Run &apos;keycardctl help orgs list&apos; or &apos;keycardctl help orgs get&apos; for details.
</source>
        <translation>Details mit „keycardctl help orgs list“ oder „keycardctl help orgs get“.
</translation>
    </message>
    <message>
        <source>The SSO connection of an organization: the identity provider (Okta, Entra ID,
Google Workspace, ...) its members sign in with.
</source>
        <translation>Die SSO-Verbindung einer Organisation: der Identitätsanbieter (Okta, Entra ID,
Google Workspace, ...), über den sich ihre Mitglieder anmelden.
</translation>
    </message>
    <message>
        <source>Run &apos;keycardctl help sso COMMAND&apos; for details.
</source>
        <translation>Details mit „keycardctl help sso COMMAND“.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl orgs list --limit 20
  keycardctl orgs list --all --json &gt; organizations.json
</source>
        <translation>Beispiele:
  keycardctl orgs list --limit 20
  keycardctl orgs list --all --json &gt; organizations.json
</translation>
    </message>
    <message>
        <source>Usage: keycardctl orgs get ORG [--json]
</source>
        <translation>Aufruf: keycardctl orgs get ORG [--json]
</translation>
    </message>
    <message>
        <source>Show one organization: name, label, id, whether SSO is enabled, timestamps
and the account&apos;s permissions on it. ORG is the organization&apos;s id or its
label (1 to 255 characters).
</source>
        <translation>Eine Organisation anzeigen: Name, Label, ID, ob SSO aktiviert ist, Zeitstempel
und die Berechtigungen des Kontos für sie. ORG ist die ID der Organisation oder
ihr Label (1 bis 255 Zeichen).
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl orgs get acme
  keycardctl orgs get u8jzPde0IgxLd6GncfBAepfJBd --json
</source>
        <translation>Beispiele:
  keycardctl orgs get acme
  keycardctl orgs get u8jzPde0IgxLd6GncfBAepfJBd --json
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso get ORG [--json]
</source>
        <translation>Aufruf: keycardctl sso get ORG [--json]
</translation>
    </message>
    <message>
        <source>Show the SSO connection of an organization: identifier (issuer URL), client
ID, whether a client secret is set (the secret itself is never returned),
OAuth 2.0 / OpenID endpoints, permissions and any further fields the server
sent. Exits with status 5 when SSO is not enabled.
</source>
        <translation>Die SSO-Verbindung einer Organisation anzeigen: Identifier (Aussteller-URL),
Client-ID, ob ein Client-Secret gesetzt ist (das Secret selbst wird nie
zurückgegeben), OAuth-2.0-/OpenID-Endpunkte, Berechtigungen und alle weiteren
Felder, die der Server gesendet hat. Endet mit Status 5, wenn SSO nicht
aktiviert ist.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso get acme
  keycardctl sso get acme --json | jq -r .identifier
</source>
        <translation>Beispiele:
  keycardctl sso get acme
  keycardctl sso get acme --json | jq -r .identifier
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso enable ORG --identifier URL --client-id ID
                  [--client-secret-stdin] [PROTOCOL OPTIONS]
</source>
        <translation>Aufruf: keycardctl sso enable ORG --identifier URL --client-id ID
                   [--client-secret-stdin] [PROTOCOL OPTIONS]
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso enable globex --identifier https://globex.okta.com \
      --client-id 0oa1b2c3d4 --client-secret-stdin &lt; secret.txt
  KEYCARD_SSO_CLIENT_SECRET=&quot;$(pass idp/globex)&quot; keycardctl sso enable globex \
      --identifier https://accounts.google.com --client-id 1234.apps.googleusercontent.com
</source>
        <translation>Beispiele:
  keycardctl sso enable globex --identifier https://globex.okta.com \
      --client-id 0oa1b2c3d4 --client-secret-stdin &lt; secret.txt
  KEYCARD_SSO_CLIENT_SECRET=&quot;$(pass idp/globex)&quot; keycardctl sso enable globex \
      --identifier https://accounts.google.com --client-id 1234.apps.googleusercontent.com
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso update ORG [--identifier URL]
                  [--client-id ID | --clear-client-id]
                  [--client-secret-stdin | --clear-client-secret]
                  [PROTOCOL OPTIONS]
</source>
        <translation>Aufruf: keycardctl sso update ORG [--identifier URL]
                   [--client-id ID | --clear-client-id]
                   [--client-secret-stdin | --clear-client-secret]
                   [PROTOCOL OPTIONS]
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso update acme --identifier https://acme.okta.com/oauth2/default
  keycardctl sso update acme --client-secret-stdin &lt; new-secret.txt
</source>
        <translation>Beispiele:
  keycardctl sso update acme --identifier https://acme.okta.com/oauth2/default
  keycardctl sso update acme --client-secret-stdin &lt; new-secret.txt
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso disable ORG [--yes]
</source>
        <translation>Aufruf: keycardctl sso disable ORG [--yes]
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso disable umbrella --yes
</source>
        <translation>Beispiele:
  keycardctl sso disable umbrella --yes
</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>verweigert: %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>LABEL</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>UPDATE</source>
        <translation>ÄNDERN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>not enabled</source>
        <translation>nicht aktiviert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Connection ID</source>
        <translation>Verbindungs-ID</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Code challenge methods</source>
        <translation>Code-Challenge-Methoden</translation>
    </message>
    <message>
        <source>Userinfo endpoint</source>
        <translation>Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Other fields:</source>
        <translation>Weitere Felder:</translation>
    </message>
    <message>
        <source>missing ISSUER (the identity provider&apos;s issuer URL)</source>
        <translation>ISSUER fehlt (die Aussteller-URL des Identitätsanbieters)</translation>
    </message>
    <message>
        <source>--max-items: at least %1 — %2 entered</source>
        <translation>--max-items: mindestens %1 – %2 eingegeben</translation>
    </message>
    <message>
        <source>Usage: keycardctl orgs list [--all] [--limit N] [--max-items N] [--after CURSOR] [--permissions] [--json]
</source>
        <translation>Aufruf: keycardctl orgs list [--all] [--limit N] [--max-items N] [--after CURSOR] [--permissions] [--json]
</translation>
    </message>
    <message>
        <source>List organizations, one page by default. The table shows NAME, LABEL, ID,
SSO and CREATED. When more pages follow, the cursor of the next page is
printed on standard error. With --json, the organizations are printed as a
JSON array of the objects the API returned; with --all that array is
streamed page by page, and the table too: its column widths come from the
first page (at most 40 characters; a longer value is printed whole).
A server that repeats a page cursor, or says more pages follow without
one, ends the listing: what arrived is printed, the reason goes to
standard error, and the exit status is 8.
</source>
        <translation>Organisationen auflisten, standardmäßig eine Seite. Die Tabelle zeigt NAME,
LABEL, ID, SSO und ERSTELLT. Folgen weitere Seiten, wird der Cursor der
nächsten Seite auf der Standardfehlerausgabe ausgegeben. Mit --json werden die
Organisationen als JSON-Array der Objekte ausgegeben, die die API geliefert
hat; mit --all wird dieses Array Seite für Seite gestreamt, und die Tabelle
ebenso: Ihre Spaltenbreiten ergeben sich aus der ersten Seite (höchstens 40
Zeichen; ein längerer Wert wird vollständig ausgegeben).
Ein Server, der einen Seiten-Cursor wiederholt oder weitere Seiten ohne Cursor
ankündigt, beendet die Auflistung: Was angekommen ist, wird ausgegeben, der
Grund geht an die Standardfehlerausgabe, und der Exit-Status ist 8.
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso check ISSUER [--json] [--timeout SECONDS]
</source>
        <translation>Aufruf: keycardctl sso check ISSUER [--json] [--timeout SECONDS]
</translation>
    </message>
    <message>
        <source>Check an identity provider&apos;s issuer URL with OpenID Connect Discovery before
enabling SSO with it: fetch ISSUER/.well-known/openid-configuration (a trailing
slash of ISSUER removed) and the JWKS it names. Sends no Keycard credentials and
no Authorization header, follows no redirect to another origin, reads at most
1 MiB per document and gives up after 15 seconds (--timeout) in total.
http:// is accepted for localhost only.
</source>
        <translation>Die Aussteller-URL eines Identitätsanbieters mit OpenID Connect Discovery
prüfen, bevor SSO damit aktiviert wird: ISSUER/.well-known/openid-configuration
(ohne abschließenden Schrägstrich von ISSUER) und das darin genannte JWKS
abrufen. Sendet keine Keycard-Zugangsdaten und keinen Authorization-Header,
folgt keiner Weiterleitung zu einem anderen Origin, liest höchstens 1 MiB pro
Dokument und gibt nach insgesamt 15 Sekunden (--timeout) auf.
http:// wird nur für localhost akzeptiert.
</translation>
    </message>
    <message>
        <source>Checks, each pass, warn or fail:
  reachable        the discovery document is a JSON object (HTTP 200)
  issuer_match     its issuer equals ISSUER exactly, trailing slash included
  endpoints_https  authorization, token, JWKS and userinfo endpoints use https
  jwks             the JWKS can be fetched and has at least one signing key
  code_flow        response_types_supported includes code
  pkce_s256        code_challenge_methods_supported includes S256 (else warn)
  openid_scope     scopes_supported includes openid (else warn)
</source>
        <translation>Prüfungen, jeweils pass, warn oder fail:
  reachable        das Discovery-Dokument ist ein JSON-Objekt (HTTP 200)
  issuer_match     sein issuer ist genau ISSUER, abschließender Schrägstrich
                   eingeschlossen
  endpoints_https  Autorisierungs-, Token-, JWKS- und Userinfo-Endpunkt
                   verwenden https
  jwks             das JWKS lässt sich abrufen und hat mindestens einen
                   Signaturschlüssel
  code_flow        response_types_supported enthält code
  pkce_s256        code_challenge_methods_supported enthält S256 (sonst warn)
  openid_scope     scopes_supported enthält openid (sonst warn)
</translation>
    </message>
    <message>
        <source>Output: one line per check. With --json: an object with issuer,
discovered_issuer (when the document was read) and checks, an array of
{&quot;id&quot;, &quot;status&quot;, &quot;message&quot;}. Exit status 0 when no check fails (warnings
allowed), 9 when one fails, 2 when ISSUER is not a valid issuer URL (nothing is
fetched).
</source>
        <translation>Ausgabe: eine Zeile pro Prüfung. Mit --json: ein Objekt mit issuer,
discovered_issuer (wenn das Dokument gelesen wurde) und checks, einem Array von
{&quot;id&quot;, &quot;status&quot;, &quot;message&quot;}. Exit-Status 0, wenn keine Prüfung fehlschlägt
(Warnungen erlaubt), 9, wenn eine fehlschlägt, 2, wenn ISSUER keine gültige
Aussteller-URL ist (dann wird nichts abgerufen).
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso check https://your-org.okta.com
  keycardctl sso check https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 --json
</source>
        <translation>Beispiele:
  keycardctl sso check https://your-org.okta.com
  keycardctl sso check https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 --json
</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The discovery document names the issuer %1
</source>
        <translation>Das Discovery-Dokument nennt den Aussteller %1
</translation>
    </message>
    <message>
        <source>keycardctl: the issuer check failed; SSO was not enabled (nothing was sent to Keycard). Run without --check to enable it anyway.
</source>
        <translation>keycardctl: Die Prüfung des Ausstellers ist fehlgeschlagen; SSO wurde nicht aktiviert (an Keycard wurde nichts gesendet). Führen Sie den Befehl ohne --check aus, um SSO trotzdem zu aktivieren.
</translation>
    </message>
    <message>
        <source>API root (default: $KEYCARD_API_BASE_URL, else
https://api.keycard.ai). http:// only for localhost.</source>
        <translation>API-Stamm-URL (Standard: $KEYCARD_API_BASE_URL, sonst
https://api.keycard.ai). http:// nur für localhost.</translation>
    </message>
    <message>
        <source>use a connection saved in Keycard Admin, its secret read
from the system keychain; KEYCARD_API_* variables and
--base-url still override it</source>
        <translation>eine in Keycard Admin gespeicherte Verbindung verwenden,
deren Secret aus dem Schlüsselbund des Systems gelesen
wird; KEYCARD_API_*-Variablen und --base-url haben
weiterhin Vorrang</translation>
    </message>
    <message>
        <source>X-Client-Request-ID of the operation (default: a new UUID;
kept across retries and shown in errors)</source>
        <translation>X-Client-Request-ID des Vorgangs (Standard: eine neue
UUID; bleibt bei Wiederholungen gleich und wird in
Fehlermeldungen angezeigt)</translation>
    </message>
    <message>
        <source>print the API&apos;s JSON objects as received; errors become a
JSON object on the last line of standard error</source>
        <translation>die JSON-Objekte der API so ausgeben, wie sie empfangen
wurden; Fehler werden zu einem JSON-Objekt in der
letzten Zeile der Standardfehlerausgabe</translation>
    </message>
    <message>
        <source>retries of transient failures, 0 to 10 (default 2)</source>
        <translation>Wiederholungen bei vorübergehenden Fehlern, 0 bis 10
(Standard 2)</translation>
    </message>
    <message>
        <source>report retries and request ids on standard error</source>
        <translation>Wiederholungen und Anfrage-IDs auf der
Standardfehlerausgabe melden</translation>
    </message>
    <message>
        <source>show help (also: keycardctl help COMMAND)</source>
        <translation>Hilfe anzeigen (auch: keycardctl help COMMAND)</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>die Version anzeigen und beenden</translation>
    </message>
    <message>
        <source>follow the pages to the end</source>
        <translation>den Seiten bis zum Ende folgen</translation>
    </message>
    <message>
        <source>organizations per page, 1 to 1000 (default 100)</source>
        <translation>Organisationen pro Seite, 1 bis 1000 (Standard 100)</translation>
    </message>
    <message>
        <source>stop after N organizations (says so on standard error)</source>
        <translation>nach N Organisationen anhalten (meldet das auf der
Standardfehlerausgabe)</translation>
    </message>
    <message>
        <source>start after this cursor (end_cursor of a page)</source>
        <translation>nach diesem Cursor beginnen (end_cursor einer Seite)</translation>
    </message>
    <message>
        <source>ask for the account&apos;s permissions on each organization
(adds an UPDATE column: may it change SSO?)</source>
        <translation>die Berechtigungen des Kontos für jede Organisation abfragen
(fügt eine Spalte ÄNDERN hinzu: Darf es SSO ändern?)</translation>
    </message>
    <message>
        <source>the IdP&apos;s issuer URL, 1 to 2,048 characters,
e.g. https://your-org.okta.com</source>
        <translation>die Aussteller-URL des IdP, 1 bis 2.048 Zeichen,
z. B. https://your-org.okta.com</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client ID issued by the IdP</source>
        <translation>die vom IdP ausgestellte OAuth-2.0-Client-ID</translation>
    </message>
    <message>
        <source>read the IdP client secret from standard input: a
pipe or file to its end, a terminal one line with
echo off; a trailing newline is dropped. Without it,
$KEYCARD_SSO_CLIENT_SECRET is used when set.</source>
        <translation>das Client-Secret des IdP von der Standardeingabe
lesen: aus einer Pipe oder Datei bis zu ihrem Ende,
von einem Terminal eine Zeile ohne Echo; ein
abschließender Zeilenumbruch wird entfernt. Ohne
diese Option wird $KEYCARD_SSO_CLIENT_SECRET
verwendet, wenn gesetzt.</translation>
    </message>
    <message>
        <source>run &apos;sso check&apos; on the identifier first; when a
check fails, send nothing and exit with status 9</source>
        <translation>zuerst „sso check“ für den Identifier ausführen;
schlägt eine Prüfung fehl, nichts senden und mit
Status 9 beenden</translation>
    </message>
    <message>
        <source>new issuer URL, 1 to 2,048 characters</source>
        <translation>neue Aussteller-URL, 1 bis 2.048 Zeichen</translation>
    </message>
    <message>
        <source>new OAuth 2.0 client ID</source>
        <translation>neue OAuth-2.0-Client-ID</translation>
    </message>
    <message>
        <source>remove the client ID</source>
        <translation>die Client-ID entfernen</translation>
    </message>
    <message>
        <source>read a new client secret from standard input (or
set $KEYCARD_SSO_CLIENT_SECRET)</source>
        <translation>ein neues Client-Secret von der Standardeingabe lesen
(oder $KEYCARD_SSO_CLIENT_SECRET setzen)</translation>
    </message>
    <message>
        <source>remove the stored client secret</source>
        <translation>das gespeicherte Client-Secret entfernen</translation>
    </message>
    <message>
        <source>OAuth 2.0 authorization endpoint</source>
        <translation>OAuth-2.0-Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>OAuth 2.0 token endpoint</source>
        <translation>OAuth-2.0-Token-Endpunkt</translation>
    </message>
    <message>
        <source>JSON Web Key Set URL</source>
        <translation>URL des JSON Web Key Set</translation>
    </message>
    <message>
        <source>dynamic client registration endpoint</source>
        <translation>Endpunkt für dynamische Client-Registrierung</translation>
    </message>
    <message>
        <source>comma-separated, e.g. openid,profile,email</source>
        <translation>kommagetrennt, z. B. openid,profile,email</translation>
    </message>
    <message>
        <source>comma-separated, e.g. S256</source>
        <translation>kommagetrennt, z. B. S256</translation>
    </message>
    <message>
        <source>OpenID Connect userinfo endpoint</source>
        <translation>OpenID-Connect-Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>nicht nach Bestätigung fragen</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>keycardctl: warning: %1: %2
</source>
        <translation>keycardctl: Warnung: %1: %2
</translation>
    </message>
    <message>
        <source>Enable SSO for an organization. If SSO is already enabled with everything
this command sends (identifier, client ID, protocol options; for example after
a reply was lost and the command was repeated), this succeeds and says so.
Otherwise nothing is changed: it fails with status 6 and says what differs. A
client secret always differs: Keycard never returns one, so it cannot be
compared; set it with &apos;keycardctl sso update ORG --client-secret-stdin&apos;.
</source>
        <translation>SSO für eine Organisation aktivieren. Ist SSO bereits mit allem aktiviert, was
dieser Befehl sendet (Identifier, Client-ID, Protokolloptionen; etwa weil eine
Antwort verloren ging und der Befehl wiederholt wurde), gelingt der Befehl und
meldet das. Sonst wird nichts geändert: Er schlägt mit Status 6 fehl und nennt
den Unterschied. Ein Client-Secret unterscheidet sich immer: Keycard gibt es nie
zurück, es lässt sich also nicht vergleichen; setzen Sie es mit
&apos;keycardctl sso update ORG --client-secret-stdin&apos;.
</translation>
    </message>
    <message>
        <source>Protocol options (optional; only those given are sent, inside &quot;protocols&quot;):</source>
        <translation>Protokolloptionen (optional; nur die angegebenen werden gesendet, in &quot;protocols&quot;):</translation>
    </message>
    <message>
        <source>--profile %1: the base URL saved in the profile</source>
        <translation>--profile %1: die im Profil gespeicherte Basis-URL</translation>
    </message>
    <message>
        <source>keycardctl: warning: %1
</source>
        <translation>keycardctl: Warnung: %1
</translation>
    </message>
    <message>
        <source>Environment:
  KEYCARD_API_BASE_URL       API root, overridden by --base-url
  KEYCARD_API_CLIENT_ID      service account client ID
  KEYCARD_API_CLIENT_SECRET  service account client secret
  KEYCARD_API_API_KEY        a ready bearer token (wins over the two above)
  KEYCARD_SSO_CLIENT_SECRET  the IdP client secret for sso enable/update, when
                             --client-secret-stdin is not given
  https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY, no_proxy, NO_PROXY
                             the proxy, as curl reads them (never for localhost);
                             a value that cannot be used stops the command
  SSL_CERT_FILE, SSL_CERT_DIR  certificate authorities to trust, as OpenSSL
Secrets are never accepted as command-line options, and never printed.
</source>
        <translation>Umgebung:
  KEYCARD_API_BASE_URL       API-Stamm-URL, von --base-url überschrieben
  KEYCARD_API_CLIENT_ID      Client-ID des Dienstkontos
  KEYCARD_API_CLIENT_SECRET  Client-Secret des Dienstkontos
  KEYCARD_API_API_KEY        ein fertiges Bearer-Token (hat Vorrang vor den
                             beiden obigen)
  KEYCARD_SSO_CLIENT_SECRET  das Client-Secret des IdP für sso enable/update,
                             wenn --client-secret-stdin nicht angegeben ist
  https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY, no_proxy, NO_PROXY
                             der Proxy, gelesen wie von curl (nie für localhost);
                             ein unbrauchbarer Wert beendet den Befehl
  SSL_CERT_FILE, SSL_CERT_DIR  vertrauenswürdige Zertifizierungsstellen, wie bei
                             OpenSSL
Secrets werden nie als Befehlszeilenoptionen angenommen und nie ausgegeben.
</translation>
    </message>
    <message>
        <source>also trust the certificate authorities in FILE (PEM),
e.g. a private CA; replaces the profile&apos;s file</source>
        <translation>auch den Zertifizierungsstellen in FILE (PEM) vertrauen,
z. B. einer privaten CA; ersetzt die Datei des Profils</translation>
    </message>
    <message>
        <source>time limit of each attempt, from connecting to the last
byte of the response (default 60); a server&apos;s Retry-After
is waited for only while it fits in (retries + 1) times this</source>
        <translation>Zeitlimit jedes Versuchs, vom Verbindungsaufbau bis zum
letzten Byte der Antwort (Standard 60); auf ein Retry-After des
Servers wird nur gewartet, solange es in (retries + 1) mal diese Zeit passt</translation>
    </message>
    <message>
        <source>--client-secret-stdin: standard input holds more than %1 MiB, not a client secret</source>
        <translation>--client-secret-stdin: Die Standardeingabe enthält mehr als %1 MiB, kein Client-Geheimnis</translation>
    </message>
    <message>
        <source>refusing to remove member %1 from %2 without --yes (standard input is not a terminal to ask on)</source>
        <translation>Mitglied %1 wird ohne --yes nicht aus %2 entfernt (die Standardeingabe ist kein Terminal für eine Rückfrage)</translation>
    </message>
    <message>
        <source>refusing to revoke invitation %1 of %2 without --yes (standard input is not a terminal to ask on)</source>
        <translation>Einladung %1 von %2 wird ohne --yes nicht widerrufen (die Standardeingabe ist kein Terminal für eine Rückfrage)</translation>
    </message>
    <message>
        <source>Remove member %1 from %2? [y/N] </source>
        <translation>Mitglied %1 aus %2 entfernen? [y/N] </translation>
    </message>
    <message>
        <source>keycardctl: not removed
</source>
        <translation>keycardctl: nicht entfernt
</translation>
    </message>
    <message>
        <source>Revoke invitation %1 of %2? [y/N] </source>
        <translation>Einladung %1 von %2 widerrufen? [y/N] </translation>
    </message>
    <message>
        <source>keycardctl: not revoked
</source>
        <translation>keycardctl: nicht widerrufen
</translation>
    </message>
    <message>
        <source>--max-items: at least 1 — %1 entered</source>
        <translation>--max-items: mindestens 1 – %1 eingegeben</translation>
    </message>
    <message>
        <source>nothing to change: give --role or --status</source>
        <translation>Nichts zu ändern: Geben Sie --role oder --status an</translation>
    </message>
    <message>
        <source>--issuer and --disable cannot be combined</source>
        <translation>--issuer und --disable können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>missing INVITATION (an invitation&apos;s id)</source>
        <translation>INVITATION fehlt (die ID einer Einladung)</translation>
    </message>
    <message>
        <source>missing USER (a member&apos;s id)</source>
        <translation>USER fehlt (die ID eines Mitglieds)</translation>
    </message>
    <message>
        <source>Commands:
  orgs list              list the organizations the account can see
  orgs get ORG           show one organization (ORG: id or label)
  sso get ORG            show the SSO connection of an organization
  sso enable ORG         enable SSO with an identity provider
  sso update ORG         change the SSO connection
  sso disable ORG        disable SSO (asks, or needs --yes)
  sso check ISSUER       check an identity provider&apos;s issuer URL
  sso impact ORG         who would lose sign-in if SSO changed
  users list ORG         list the members of an organization
  users set ORG USER     change a member&apos;s role or status
  users remove ORG USER  remove a member (asks, or needs --yes)
  invitations list ORG   list the invitations of an organization
  invitations create ORG invite someone by email
  invitations revoke ORG INVITATION
                         revoke an invitation (asks, or needs --yes)
</source>
        <translation>Befehle:
  orgs list              die Organisationen auflisten, die das Konto sehen kann
  orgs get ORG           eine Organisation anzeigen (ORG: ID oder Label)
  sso get ORG            die SSO-Verbindung einer Organisation anzeigen
  sso enable ORG         SSO mit einem Identitätsanbieter aktivieren
  sso update ORG         die SSO-Verbindung ändern
  sso disable ORG        SSO deaktivieren (fragt nach, oder braucht --yes)
  sso check ISSUER       die Aussteller-URL eines Identitätsanbieters prüfen
  sso impact ORG         wer die Anmeldung verlöre, wenn sich SSO änderte
  users list ORG         die Mitglieder einer Organisation auflisten
  users set ORG USER     Rolle oder Status eines Mitglieds ändern
  users remove ORG USER  ein Mitglied entfernen (fragt nach, oder braucht --yes)
  invitations list ORG   die Einladungen einer Organisation auflisten
  invitations create ORG jemanden per E-Mail einladen
  invitations revoke ORG INVITATION
                         eine Einladung widerrufen (fragt nach, oder braucht --yes)
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso get ORG
       keycardctl sso enable ORG --identifier URL --client-id ID [--client-secret-stdin]
       keycardctl sso update ORG [--identifier URL] [--client-id ID] ...
       keycardctl sso disable ORG [--yes]
       keycardctl sso check ISSUER [--json]
       keycardctl sso impact ORG [--issuer URL | --disable] [--json]
</source>
        <translation>Aufruf: keycardctl sso get ORG
        keycardctl sso enable ORG --identifier URL --client-id ID [--client-secret-stdin]
        keycardctl sso update ORG [--identifier URL] [--client-id ID] ...
        keycardctl sso disable ORG [--yes]
        keycardctl sso check ISSUER [--json]
        keycardctl sso impact ORG [--issuer URL | --disable] [--json]
</translation>
    </message>
    <message>
        <source>The members of an organization.
</source>
        <translation>Die Mitglieder einer Organisation.
</translation>
    </message>
    <message>
        <source>Run &apos;keycardctl help users COMMAND&apos; for details.
</source>
        <translation>Einzelheiten mit „keycardctl help users COMMAND“.
</translation>
    </message>
    <message>
        <source>Usage: keycardctl invitations list ORG [--json]
       keycardctl invitations create ORG --email EMAIL --role ROLE
       keycardctl invitations revoke ORG INVITATION [--yes]
</source>
        <translation>Aufruf: keycardctl invitations list ORG [--json]
        keycardctl invitations create ORG --email EMAIL --role ROLE
        keycardctl invitations revoke ORG INVITATION [--yes]
</translation>
    </message>
    <message>
        <source>Invitations to join an organization.
</source>
        <translation>Einladungen, einer Organisation beizutreten.
</translation>
    </message>
    <message>
        <source>Run &apos;keycardctl help invitations COMMAND&apos; for details.
</source>
        <translation>Einzelheiten mit „keycardctl help invitations COMMAND“.
</translation>
    </message>
    <message>
        <source>Usage: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]
</source>
        <translation>Aufruf: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]
</translation>
    </message>
    <message>
        <source>List every member of an organization, page after page: EMAIL, ROLE, STATUS,
SOURCE (the issuer the member signs in through) and ID. Values the server
sends are shown as they are (an unknown role too), with control characters
replaced and values longer than 64 characters cut in the middle; --json
prints the objects the API returned, whole. A server that repeats a page
cursor, or lists a member twice, ends the listing with status 8.
</source>
        <translation>Alle Mitglieder einer Organisation auflisten, Seite für Seite: EMAIL, ROLE,
STATUS, SOURCE (der Aussteller, über den sich das Mitglied anmeldet) und ID.
Werte des Servers werden so gezeigt, wie sie kommen (auch eine unbekannte
Rolle), mit ersetzten Steuerzeichen und in der Mitte gekürzt, wenn sie länger
als 64 Zeichen sind; --json gibt die Objekte der API vollständig aus. Ein
Server, der einen Seiten-Cursor wiederholt oder ein Mitglied doppelt aufführt,
beendet die Auflistung mit Status 8.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl users list acme --role org_admin
  keycardctl users list acme --json | jq -r &apos;.[].email&apos;
</source>
        <translation>Beispiele:
  keycardctl users list acme --role org_admin
  keycardctl users list acme --json | jq -r &apos;.[].email&apos;
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl users set acme USER_ID --role org_viewer
  keycardctl users set acme USER_ID --status disabled
</source>
        <translation>Beispiele:
  keycardctl users set acme USER_ID --role org_viewer
  keycardctl users set acme USER_ID --status disabled
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl users remove acme USER_ID --yes
</source>
        <translation>Beispiele:
  keycardctl users remove acme USER_ID --yes
</translation>
    </message>
    <message>
        <source>Usage: keycardctl invitations list ORG [--json]
</source>
        <translation>Aufruf: keycardctl invitations list ORG [--json]
</translation>
    </message>
    <message>
        <source>List the invitations of an organization (at most 1,000): EMAIL, ROLE,
STATUS (pending, accepted, expired, revoked), EXPIRES and ID.
</source>
        <translation>Die Einladungen einer Organisation auflisten (höchstens 1.000): EMAIL, ROLE,
STATUS (pending, accepted, expired, revoked), EXPIRES und ID.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl invitations list acme
</source>
        <translation>Beispiele:
  keycardctl invitations list acme
</translation>
    </message>
    <message>
        <source>Usage: keycardctl invitations create ORG --email EMAIL --role ROLE
</source>
        <translation>Aufruf: keycardctl invitations create ORG --email EMAIL --role ROLE
</translation>
    </message>
    <message>
        <source>Invite someone to an organization. Once accepted, they sign in with a
Keycard account, not through SSO: inviting an administrator is how an
organization keeps an emergency access administrator.
</source>
        <translation>Jemanden in eine Organisation einladen. Nach dem Annehmen meldet sich die
Person mit einem Keycard-Konto an, nicht über SSO: So behält eine Organisation
einen Notfall-Administrator.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl invitations create acme --email ops@acme.example --role org_admin
</source>
        <translation>Beispiele:
  keycardctl invitations create acme --email ops@acme.example --role org_admin
</translation>
    </message>
    <message>
        <source>Usage: keycardctl invitations revoke ORG INVITATION [--yes]
</source>
        <translation>Aufruf: keycardctl invitations revoke ORG INVITATION [--yes]
</translation>
    </message>
    <message>
        <source>Revoke a pending invitation. Asks for confirmation when standard input is
a terminal; scripts must pass --yes.
</source>
        <translation>Eine offene Einladung widerrufen. Fragt nach Bestätigung, wenn die
Standardeingabe ein Terminal ist; Skripte müssen --yes übergeben.
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl invitations revoke acme INVITATION_ID --yes
</source>
        <translation>Beispiele:
  keycardctl invitations revoke acme INVITATION_ID --yes
</translation>
    </message>
    <message>
        <source>Usage: keycardctl sso impact ORG [--issuer URL | --disable] [--json]
</source>
        <translation>Aufruf: keycardctl sso impact ORG [--issuer URL | --disable] [--json]
</translation>
    </message>
    <message>
        <source>The sign-in safety check: read every member and tell who would lose their way
to sign in. A member signs in through SSO when their source is the SSO
connection&apos;s issuer, compared exactly (trailing slash included).
  --disable      members whose source is the SSO issuer lose sign-in
  --issuer URL   members whose source is the current issuer lose sign-in;
                 without SSO: the impact of enabling it with URL (nobody
                 loses sign-in)
  (neither)      how many active administrators sign in without SSO
Fewer than 2 active administrators who do not sign in through SSO is warned
about. &apos;sso disable&apos; and &apos;sso update --identifier&apos; run this check first and
refuse with status 11, changing nothing, when no active administrator would
be left able to sign in, unless --force is given.
</source>
        <translation>Die Anmelde-Sicherheitsprüfung: alle Mitglieder lesen und sagen, wer seinen
Weg zur Anmeldung verlieren würde. Ein Mitglied meldet sich über SSO an, wenn
seine Quelle der Aussteller der SSO-Verbindung ist, exakt verglichen
(abschließender Schrägstrich eingeschlossen).
  --disable      Mitglieder, deren Quelle der SSO-Aussteller ist, verlieren
                 die Anmeldung
  --issuer URL   Mitglieder, deren Quelle der jetzige Aussteller ist,
                 verlieren die Anmeldung; ohne SSO: die Auswirkung, SSO mit
                 URL zu aktivieren (niemand verliert die Anmeldung)
  (keine)        wie viele aktive Administratoren sich ohne SSO anmelden
Weniger als 2 aktive Administratoren, die sich nicht über SSO anmelden,
ergeben eine Warnung. „sso disable“ und „sso update --identifier“ führen diese
Prüfung zuerst aus und lehnen mit Status 11 ab, ohne etwas zu ändern, wenn sich
kein aktiver Administrator mehr anmelden könnte, außer mit --force.
</translation>
    </message>
    <message>
        <source>Output: the findings, one per line; with --json an object with change,
verdict (nobody_loses, someone_loses, no_administrator_left, unknown),
complete, members, losing, losing_active, losing_admins, first_losing,
admins_keeping, admins_without_sso, few_emergency_admins and
unknown_reasons. Exit status 0, 10, 11 or 12 (see below).
</source>
        <translation>Ausgabe: die Befunde, einer pro Zeile; mit --json ein Objekt mit change,
verdict (nobody_loses, someone_loses, no_administrator_left, unknown),
complete, members, losing, losing_active, losing_admins, first_losing,
admins_keeping, admins_without_sso, few_emergency_admins und
unknown_reasons. Exit-Status 0, 10, 11 oder 12 (siehe unten).
</translation>
    </message>
    <message>
        <source>Examples:
  keycardctl sso impact initech --disable
  keycardctl sso impact acme --issuer https://acme.okta.com/oauth2/default --json
</source>
        <translation>Beispiele:
  keycardctl sso impact initech --disable
  keycardctl sso impact acme --issuer https://acme.okta.com/oauth2/default --json
</translation>
    </message>
    <message>
        <source>Change the SSO connection of an organization. Only the values given are
sent, nothing read from the server first (the API has no ETag to detect a
concurrent change).
Protocol options are sent inside &quot;protocols&quot; with only the members given (a
JSON merge patch): a list replaces the whole list (--scopes,
--code-challenge-methods), and members not given stay as they are. The
connection printed afterwards shows the result.
A new --identifier is checked first like &apos;sso impact --issuer&apos;: the members
who would lose sign-in are named on standard error, and the change is refused
with status 11 when no active administrator would be left, unless --force.
</source>
        <translation>Die SSO-Verbindung einer Organisation ändern. Nur die angegebenen Werte werden
gesendet, vorher wird nichts vom Server gelesen (die API hat kein ETag, um eine
gleichzeitige Änderung zu erkennen).
Protokolloptionen werden in &quot;protocols&quot; nur mit den angegebenen Feldern
gesendet (ein JSON Merge Patch): Eine Liste (--scopes, --code-challenge-methods)
ersetzt die ganze Liste, nicht angegebene Felder bleiben, wie sie sind. Die
danach ausgegebene Verbindung zeigt das Ergebnis.
Ein neuer --identifier wird zuerst wie mit „sso impact --issuer“ geprüft: Die
Mitglieder, die die Anmeldung verlören, werden auf der Standardfehlerausgabe
genannt, und die Änderung wird mit Status 11 abgelehnt, wenn sich kein aktiver
Administrator mehr anmelden könnte, außer mit --force.
</translation>
    </message>
    <message>
        <source>Disable SSO for an organization and delete its connection, including the
stored client secret. Members then sign in without the identity provider.
Asks for confirmation when standard input is a terminal; scripts must pass
--yes. First says who would lose sign-in (see &apos;sso impact&apos;), and refuses
with status 11 when no active administrator would be left, unless --force.
</source>
        <translation>SSO für eine Organisation deaktivieren und ihre Verbindung löschen, samt dem
gespeicherten Client-Secret. Mitglieder melden sich danach ohne den
Identitätsanbieter an. Fragt nach Bestätigung, wenn die Standardeingabe ein
Terminal ist; Skripte müssen --yes übergeben. Sagt zuerst, wer die Anmeldung
verlöre (siehe „sso impact“), und lehnt mit Status 11 ab, wenn sich kein
aktiver Administrator mehr anmelden könnte, außer mit --force.
</translation>
    </message>
    <message>
        <source>disable SSO for %1</source>
        <translation>SSO für %1 zu deaktivieren</translation>
    </message>
    <message>
        <source>change the issuer of %1</source>
        <translation>den Aussteller von %1 zu ändern</translation>
    </message>
    <message>
        <source>keycardctl: refusing to %1: no active administrator would be left able to sign in. Nothing was changed.
</source>
        <translation>keycardctl: Es wird abgelehnt, %1: Kein aktiver Administrator könnte sich mehr anmelden. Nichts wurde geändert.
</translation>
    </message>
    <message>
        <source>keycardctl: invite an administrator who signs in without SSO first (&apos;keycardctl invitations create %1 --email EMAIL --role org_admin&apos;), or pass --force.
</source>
        <translation>keycardctl: Laden Sie zuerst einen Administrator ein, der sich ohne SSO anmeldet („keycardctl invitations create %1 --email EMAIL --role org_admin“), oder übergeben Sie --force.
</translation>
    </message>
    <message>
        <source>keycardctl: warning: </source>
        <translation>keycardctl: Warnung: </translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>the impact of changing the issuer to URL (or, without
SSO, of enabling SSO with URL)</source>
        <translation>die Auswirkung, den Aussteller auf URL zu ändern (oder,
ohne SSO, SSO mit URL zu aktivieren)</translation>
    </message>
    <message>
        <source>the impact of disabling SSO</source>
        <translation>die Auswirkung, SSO zu deaktivieren</translation>
    </message>
    <message>
        <source>only members with this role: org_admin, org_member
or org_viewer</source>
        <translation>nur Mitglieder mit dieser Rolle: org_admin, org_member
oder org_viewer</translation>
    </message>
    <message>
        <source>stop after N members (says so on standard error)</source>
        <translation>nach N Mitgliedern anhalten (meldet das auf der Standardfehlerausgabe)</translation>
    </message>
    <message>
        <source>the new role: org_admin, org_member or org_viewer</source>
        <translation>die neue Rolle: org_admin, org_member oder org_viewer</translation>
    </message>
    <message>
        <source>the new status: active or disabled</source>
        <translation>der neue Status: active oder disabled</translation>
    </message>
    <message>
        <source>the email address to invite</source>
        <translation>die einzuladende E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the role on joining: org_admin, org_member or
org_viewer</source>
        <translation>die Rolle beim Beitritt: org_admin, org_member oder
org_viewer</translation>
    </message>
    <message>
        <source>remove %1 from %2</source>
        <translation>%1 aus %2 zu entfernen</translation>
    </message>
    <message>
        <source>change the role of %1 in %2</source>
        <translation>die Rolle von %1 in %2 zu ändern</translation>
    </message>
    <message>
        <source>disable %1 in %2</source>
        <translation>%1 in %2 zu deaktivieren</translation>
    </message>
    <message>
        <source>keycardctl: refusing to %1: no active administrator would be left. Nothing was changed.
</source>
        <translation>keycardctl: Es wird abgelehnt, %1: Es bliebe kein aktiver Administrator. Nichts wurde geändert.
</translation>
    </message>
    <message>
        <source>keycardctl: give another member the org_admin role first, or pass --force.
</source>
        <translation>keycardctl: Geben Sie zuerst einem anderen Mitglied die Rolle org_admin, oder übergeben Sie --force.
</translation>
    </message>
    <message>
        <source>Exit status:
  0  success
  1  other failure (output could not be written, sso disable not confirmed)
  2  usage or validation error, configuration error (nothing was sent), or the
     server rejected a value (HTTP 400/422)
  3  authentication failed: no credentials configured, or wrong or expired
     ones (HTTP 401)
  4  permission denied (HTTP 403)
  5  not found: no such organization, or SSO not enabled (HTTP 404)
  6  conflict: SSO already enabled with other settings (HTTP 409)
  7  network error, time-out or TLS failure
  8  server error (5xx), rate limited (429) or malformed response
  9  sso check, sso enable --check: a check of the issuer failed
  10  sso impact: active members would lose sign-in
  11  sso impact: no active administrator would be left able to sign in;
      sso disable, sso update --identifier: refused for that reason (--force);
      users set, users remove: the last active administrator, refused (--force)
  12  sso impact: the members could not be read, or not all of them (the
      impact is unknown)
</source>
        <translation>Exit-Status:
  0  Erfolg
  1  anderer Fehler (Ausgabe konnte nicht geschrieben werden, sso disable
     nicht bestätigt)
  2  Aufruf- oder Validierungsfehler, Konfigurationsfehler (nichts wurde
     gesendet), oder der Server hat einen Wert abgelehnt (HTTP 400/422)
  3  Anmeldung fehlgeschlagen: keine Zugangsdaten konfiguriert, oder falsche
     oder abgelaufene (HTTP 401)
  4  Zugriff verweigert (HTTP 403)
  5  nicht gefunden: keine solche Organisation, oder SSO nicht aktiviert
     (HTTP 404)
  6  Konflikt: SSO bereits mit anderen Einstellungen aktiviert (HTTP 409)
  7  Netzwerkfehler, Zeitüberschreitung oder TLS-Fehler
  8  Serverfehler (5xx), Anfragelimit erreicht (429) oder fehlerhafte Antwort
  9  sso check, sso enable --check: eine Prüfung des Ausstellers ist
     fehlgeschlagen
  10  sso impact: aktive Mitglieder würden die Anmeldung verlieren
  11  sso impact: kein aktiver Administrator könnte sich mehr anmelden;
      sso disable, sso update --identifier: aus diesem Grund abgelehnt (--force);
      users set, users remove: der letzte aktive Administrator, abgelehnt
      (--force)
  12  sso impact: die Mitglieder konnten nicht (alle) gelesen werden (die
      Auswirkung ist unbekannt)
</translation>
    </message>
    <message>
        <source>Usage: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]
       keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]
       keycardctl users remove ORG USER [--yes] [--force]
</source>
        <translation>Aufruf: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]
        keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]
        keycardctl users remove ORG USER [--yes] [--force]
</translation>
    </message>
    <message>
        <source>Usage: keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]
</source>
        <translation>Aufruf: keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]
</translation>
    </message>
    <message>
        <source>Change a member&apos;s role and/or status. USER is the member&apos;s id (see &apos;users
list&apos;). Before an active administrator is demoted or disabled every member
is read: the last active administrator is not changed without --force
(status 11), and a change that leaves no active administrator who signs in
without SSO is warned about.
</source>
        <translation>Rolle und/oder Status eines Mitglieds ändern. USER ist die ID des Mitglieds
(siehe „users list“). Bevor ein aktiver Administrator herabgestuft oder
deaktiviert wird, werden alle Mitglieder gelesen: Der letzte aktive
Administrator wird ohne --force nicht geändert (Status 11), und vor einer
Änderung, nach der sich kein aktiver Administrator ohne SSO anmeldet, wird
gewarnt.
</translation>
    </message>
    <message>
        <source>Usage: keycardctl users remove ORG USER [--yes] [--force]
</source>
        <translation>Aufruf: keycardctl users remove ORG USER [--yes] [--force]
</translation>
    </message>
    <message>
        <source>Remove a member from an organization. Asks for confirmation when standard
input is a terminal; scripts must pass --yes. Before an active
administrator is removed every member is read: the last one is not removed
without --force (status 11), and a removal that leaves no active
administrator who signs in without SSO is warned about.
</source>
        <translation>Ein Mitglied aus einer Organisation entfernen. Fragt nach Bestätigung, wenn
die Standardeingabe ein Terminal ist; Skripte müssen --yes übergeben. Bevor
ein aktiver Administrator entfernt wird, werden alle Mitglieder gelesen: Der
letzte wird ohne --force nicht entfernt (Status 11), und vor einem
Entfernen, nach dem sich kein aktiver Administrator ohne SSO anmeldet, wird
gewarnt.
</translation>
    </message>
    <message>
        <source>go ahead even when no active administrator would be
left (able to sign in: see &apos;sso impact&apos;)</source>
        <translation>auch dann fortfahren, wenn kein aktiver Administrator
bliebe (der sich anmelden kann: siehe „sso impact“)</translation>
    </message>
    <message>
        <source>The members could not be read: %1</source>
        <translation>Die Mitglieder konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>keycard::cli::AdminRuleRun</name>
    <message>
        <source>The SSO connection could not be read: %1</source>
        <translation>Die SSO-Verbindung konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>keycard::cli::CommandRunner</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>keycardctl: request %1: %2, attempt %3 in %4 ms
</source>
        <translation>keycardctl: Anfrage %1: %2, Versuch %3 in %4 ms
</translation>
    </message>
    <message>
        <source>keycardctl: obtained an access token
</source>
        <translation>keycardctl: Zugriffstoken bezogen
</translation>
    </message>
    <message>
        <source>No organizations.
</source>
        <translation>Keine Organisationen.
</translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: %n organizations
</source>
        <translation>
            <numerusform>keycardctl: %n Organisation
</numerusform>
            <numerusform>keycardctl: %n Organisationen
</numerusform>
        </translation>
    </message>
    <message>
        <source>keycardctl: more organizations follow; next page: --after %1 (or use --all)
</source>
        <translation>keycardctl: Weitere Organisationen folgen; nächste Seite: --after %1 (oder --all verwenden)
</translation>
    </message>
    <message>
        <source>No organization with id or label &quot;%1&quot;</source>
        <translation>Keine Organisation mit der ID oder dem Label „%1“</translation>
    </message>
    <message>
        <source>SSO for %1 is already enabled with these settings.</source>
        <translation>SSO ist für %1 bereits mit diesen Einstellungen aktiviert.</translation>
    </message>
    <message>
        <source>SSO enabled for %1.</source>
        <translation>SSO für %1 aktiviert.</translation>
    </message>
    <message>
        <source>SSO connection of %1 updated.</source>
        <translation>SSO-Verbindung von %1 geändert.</translation>
    </message>
    <message>
        <source>SSO disabled for %1.
</source>
        <translation>SSO für %1 deaktiviert.
</translation>
    </message>
    <message>
        <source>SSO is not enabled for %1</source>
        <translation>SSO ist für %1 nicht aktiviert</translation>
    </message>
    <message>
        <source>SSO is not enabled for %1, or the organization does not exist</source>
        <translation>SSO ist für %1 nicht aktiviert, oder die Organisation existiert nicht</translation>
    </message>
    <message>
        <source>keycardctl: request id %1
</source>
        <translation>keycardctl: Anfrage-ID %1
</translation>
    </message>
    <message>
        <source>keycardctl: could not write the output
</source>
        <translation>keycardctl: Die Ausgabe konnte nicht geschrieben werden
</translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n organizations shown with a value unknown (a field was missing or of the wrong type)
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: %n Organisation mit einem unbekannten Wert angezeigt (ein Feld fehlte oder hatte den falschen Typ)
</numerusform>
            <numerusform>keycardctl: Hinweis: %n Organisationen mit einem unbekannten Wert angezeigt (ein Feld fehlte oder hatte den falschen Typ)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not an organization with an id)
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: %n Listeneintrag übersprungen (keine Organisation mit einer ID)
</numerusform>
            <numerusform>keycardctl: Hinweis: %n Listeneinträge übersprungen (keine Organisation mit einer ID)
</numerusform>
        </translation>
    </message>
    <message>
        <source>SSO is already enabled for %1 with other settings, nothing was changed (%2). Use &quot;keycardctl sso update&quot; to change them</source>
        <translation>SSO ist für %1 bereits mit anderen Einstellungen aktiviert, nichts wurde geändert (%2). Ändern Sie sie mit &quot;keycardctl sso update&quot;</translation>
    </message>
</context>
<context>
    <name>keycard::cli::MemberCommands</name>
    <message>
        <source>No members.
</source>
        <translation>Keine Mitglieder.
</translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n members shown with a value unknown (a field was missing or of the wrong type)
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: %n Mitglied mit unbekanntem Wert angezeigt (ein Feld fehlte oder hatte den falschen Typ)
</numerusform>
            <numerusform>keycardctl: Hinweis: %n Mitglieder mit unbekanntem Wert angezeigt (ein Feld fehlte oder hatte den falschen Typ)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not a member with an id)
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: %n Listeneintrag übersprungen (kein Mitglied mit ID)
</numerusform>
            <numerusform>keycardctl: Hinweis: %n Listeneinträge übersprungen (kein Mitglied mit ID)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: %n members
</source>
        <translation>
            <numerusform>keycardctl: %n Mitglied
</numerusform>
            <numerusform>keycardctl: %n Mitglieder
</numerusform>
        </translation>
    </message>
    <message>
        <source>Member of %1 updated.</source>
        <translation>Mitglied von %1 geändert.</translation>
    </message>
    <message>
        <source>Member %1 removed from %2.
</source>
        <translation>Mitglied %1 aus %2 entfernt.
</translation>
    </message>
    <message>
        <source>No invitations.
</source>
        <translation>Keine Einladungen.
</translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: %n list items skipped (not an invitation with an id)
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: %n Listeneintrag übersprungen (keine Einladung mit ID)
</numerusform>
            <numerusform>keycardctl: Hinweis: %n Listeneinträge übersprungen (keine Einladung mit ID)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keycardctl: note: only the first %n invitations are shown
</source>
        <translation>
            <numerusform>keycardctl: Hinweis: Nur die erste Einladung wird angezeigt
</numerusform>
            <numerusform>keycardctl: Hinweis: Nur die ersten %n Einladungen werden angezeigt
</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation to %1 created.</source>
        <translation>Einladung zu %1 erstellt.</translation>
    </message>
    <message>
        <source>Invitation %1 revoked.
</source>
        <translation>Einladung %1 widerrufen.
</translation>
    </message>
    <message>
        <source>SSO is not enabled for %1, or the organization does not exist</source>
        <translation>SSO ist für %1 nicht aktiviert, oder die Organisation existiert nicht</translation>
    </message>
    <message>
        <source>No organization with id or label &quot;%1&quot;</source>
        <translation>Keine Organisation mit der ID oder dem Label „%1“</translation>
    </message>
    <message>
        <source>keycardctl: could not write the output
</source>
        <translation>keycardctl: Die Ausgabe konnte nicht geschrieben werden
</translation>
    </message>
    <message>
        <source>keycardctl: request id %1
</source>
        <translation>keycardctl: Anfrage-ID %1
</translation>
    </message>
</context>
<context>
    <name>keycard::detail</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>nothing to update</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>limit: must be between 1 and 1000</source>
        <translation>limit: muss zwischen 1 und 1000 liegen</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>kein JSON (%1)</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message numerus="yes">
        <source>%n list items were not members with an id and were left out.</source>
        <translation>
            <numerusform>%n Listeneintrag war kein Mitglied mit ID und wurde ausgelassen.</numerusform>
            <numerusform>%n Listeneinträge waren keine Mitglieder mit ID und wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server listed %n members more than once (pages overlap); the list is not consistent.</source>
        <translation>
            <numerusform>Der Server hat %n Mitglied mehrfach aufgeführt (Seiten überlappen); die Liste ist nicht konsistent.</numerusform>
            <numerusform>Der Server hat %n Mitglieder mehrfach aufgeführt (Seiten überlappen); die Liste ist nicht konsistent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keycard::http</name>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the server closed the connection before the response was complete</source>
        <translation>Der Server hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>the server closed the connection without a response</source>
        <translation>Der Server hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>no response in time</source>
        <translation>keine Antwort in der vorgesehenen Zeit</translation>
    </message>
    <message>
        <source>the proxy did not answer in time</source>
        <translation>Der Proxy hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the server&apos;s certificate or TLS handshake was not accepted</source>
        <translation>Das Zertifikat des Servers oder der TLS-Handshake wurde nicht akzeptiert</translation>
    </message>
    <message>
        <source>unexpected redirect</source>
        <translation>unerwartete Weiterleitung</translation>
    </message>
    <message>
        <source>the proxy requires authentication</source>
        <translation>Der Proxy verlangt eine Anmeldung</translation>
    </message>
    <message>
        <source>the server broke the HTTP protocol</source>
        <translation>Der Server hat das HTTP-Protokoll verletzt</translation>
    </message>
    <message>
        <source>network error (code %1)</source>
        <translation>Netzwerkfehler (Code %1)</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>Der Server hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>the server answered HTTP %1 %2</source>
        <translation>Der Server hat mit HTTP %1 %2 geantwortet</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>Feld %1</translation>
    </message>
    <message>
        <source>response too large (more than %1 bytes)</source>
        <translation>Antwort zu groß (mehr als %1 Bytes)</translation>
    </message>
    <message>
        <source>unexpected redirect (HTTP %1); redirects are not followed</source>
        <translation>unerwartete Weiterleitung (HTTP %1); Weiterleitungen werden nicht verfolgt</translation>
    </message>
    <message>
        <source>response headers too large (more than %1 fields or %2 bytes)</source>
        <translation>Antwort-Header zu groß (mehr als %1 Felder oder %2 Bytes)</translation>
    </message>
    <message>
        <source>no complete response within %1 s</source>
        <translation>keine vollständige Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>response too large once decompressed (a compressed body that inflates far beyond its size), or broken compression</source>
        <translation>Antwort nach dem Dekomprimieren zu groß (ein komprimierter Body, der sich weit über seine Größe hinaus ausdehnt) oder fehlerhafte Komprimierung</translation>
    </message>
    <message>
        <source>proxy %1 (from %2)</source>
        <translation>Proxy %1 (aus %2)</translation>
    </message>
    <message>
        <source>%1 requires a login (HTTP 407): put the user name and password in %2 (http://USER:PASSWORD@HOST:PORT)</source>
        <translation>%1 verlangt eine Anmeldung (HTTP 407): Benutzername und Passwort in %2 angeben (http://BENUTZER:PASSWORT@HOST:PORT)</translation>
    </message>
    <message>
        <source>%1 refused the user name and password of %2 (HTTP 407); not retried, so that the account is not locked</source>
        <translation>%1 hat Benutzername und Passwort aus %2 abgelehnt (HTTP 407); nicht wiederholt, damit das Konto nicht gesperrt wird</translation>
    </message>
    <message>
        <source>proxy %1 unreachable (%2; from %3)</source>
        <translation>Proxy %1 nicht erreichbar (%2; aus %3)</translation>
    </message>
    <message>
        <source>host name not found</source>
        <translation>Hostname nicht gefunden</translation>
    </message>
    <message>
        <source>it closed the connection</source>
        <translation>er hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>(through %1)</source>
        <translation>(über %1)</translation>
    </message>
    <message>
        <source>the server sent an interim response (HTTP %1) before its answer; the HTTP stack of this build (Qt 6.4) takes it for the answer, so the answer was not read (after a change, check whether it was applied)</source>
        <translation>der Server hat vor seiner Antwort eine Zwischenantwort (HTTP %1) gesendet; der HTTP-Stack dieses Builds (Qt 6.4) hält sie für die Antwort, daher wurde die Antwort nicht gelesen (nach einer Änderung prüfen, ob sie übernommen wurde)</translation>
    </message>
    <message>
        <source>the response has two different Content-Length values (%1); its end cannot be known, so it was not read</source>
        <translation>die Antwort hat zwei verschiedene Content-Length-Werte (%1); ihr Ende ist nicht bestimmbar, daher wurde sie nicht gelesen</translation>
    </message>
</context>
<context>
    <name>keycard::net</name>
    <message>
        <source>%1=%2 cannot be used as a proxy: %3. Nothing was sent; correct or unset %1.</source>
        <translation>%1=%2 ist als Proxy nicht verwendbar: %3. Es wurde nichts gesendet; %1 korrigieren oder entfernen.</translation>
    </message>
    <message>
        <source>it contains spaces, control or non-ASCII characters</source>
        <translation>er enthält Leerzeichen, Steuer- oder Nicht-ASCII-Zeichen</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>a proxy reached over TLS (https://) is not supported; most proxies take http://HOST:PORT, and the connection to the server is still encrypted end to end through them</source>
        <translation>ein über TLS erreichter Proxy (https://) wird nicht unterstützt; die meisten Proxys nehmen http://HOST:PORT, und die Verbindung zum Server bleibt durch sie hindurch Ende-zu-Ende verschlüsselt</translation>
    </message>
    <message>
        <source>SOCKS4 proxies are not supported; use socks5:// or http://</source>
        <translation>SOCKS4-Proxys werden nicht unterstützt; socks5:// oder http:// verwenden</translation>
    </message>
    <message>
        <source>the scheme &quot;%1&quot; is not a proxy scheme (use http:// or socks5://)</source>
        <translation>das Schema „%1“ ist kein Proxy-Schema (http:// oder socks5:// verwenden)</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>er nennt keinen Host</translation>
    </message>
    <message>
        <source>a proxy address has no path, query or fragment (a .pac file cannot be used here)</source>
        <translation>eine Proxy-Adresse hat keinen Pfad, keine Abfrage und kein Fragment (eine .pac-Datei ist hier nicht verwendbar)</translation>
    </message>
    <message>
        <source>port %1 is out of range (1 to 65535)</source>
        <translation>Port %1 liegt außerhalb des Bereichs (1 bis 65535)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB</source>
        <translation>%1 ist größer als 16 MiB</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2)</source>
        <translation>%1 kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1 holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)</source>
        <translation>%1 enthält kein Zertifikat (erwartet: PEM, -----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>%1: %2. Correct or unset %1.</source>
        <translation>%1: %2. %1 korrigieren oder entfernen.</translation>
    </message>
    <message>
        <source>%1: the directory %2 does not exist. Correct or unset %1.</source>
        <translation>%1: das Verzeichnis %2 existiert nicht. %1 korrigieren oder entfernen.</translation>
    </message>
    <message>
        <source>Additional CA certificates: %1</source>
        <translation>Zusätzliche CA-Zertifikate: %1</translation>
    </message>
    <message>
        <source>If your organization uses its own certificate authority (a self-hosted Keycard, or a proxy that inspects TLS), ask for that authority&apos;s certificate (a PEM file) and add it as the profile&apos;s &quot;Additional CA certificates&quot; (keycardctl: --ca-file), or name a bundle containing it in SSL_CERT_FILE. Verification is never turned off.</source>
        <translation>Wenn Ihre Organisation eine eigene Zertifizierungsstelle verwendet (ein selbst betriebenes Keycard oder ein Proxy, der TLS prüft), lassen Sie sich deren Zertifikat (eine PEM-Datei) geben und tragen Sie es als „Zusätzliche CA-Zertifikate“ des Profils ein (keycardctl: --ca-file), oder nennen Sie ein Bündel, das es enthält, in SSL_CERT_FILE. Die Prüfung wird nie abgeschaltet.</translation>
    </message>
    <message>
        <source>the certificate %1 presented is for %2, not for %1: check the server address; otherwise something between you and the server answers in its place</source>
        <translation>das Zertifikat, das %1 vorgelegt hat, gilt für %2, nicht für %1: die Serveradresse prüfen; andernfalls antwortet etwas zwischen Ihnen und dem Server an dessen Stelle</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>%1 presented a self-signed certificate (&quot;%2&quot;) that this computer does not trust. %3</source>
        <translation>%1 hat ein selbstsigniertes Zertifikat („%2“) vorgelegt, dem dieser Computer nicht vertraut. %3</translation>
    </message>
    <message>
        <source>the certificate of %1 was issued by a certificate authority this computer does not trust. %2</source>
        <translation>das Zertifikat von %1 wurde von einer Zertifizierungsstelle ausgestellt, der dieser Computer nicht vertraut. %2</translation>
    </message>
    <message>
        <source>the certificate &quot;%1&quot; presented by %2 was issued by &quot;%3&quot;, a certificate authority this computer does not trust. %4</source>
        <translation>das von %2 vorgelegte Zertifikat „%1“ wurde von „%3“ ausgestellt, einer Zertifizierungsstelle, der dieser Computer nicht vertraut. %4</translation>
    </message>
    <message>
        <source>the certificate &quot;%1&quot; presented by %2 expired on %3: the server&apos;s certificate must be renewed (or this computer&apos;s clock is wrong)</source>
        <translation>das von %2 vorgelegte Zertifikat „%1“ ist am %3 abgelaufen: das Zertifikat des Servers muss erneuert werden (oder die Uhr dieses Computers geht falsch)</translation>
    </message>
    <message>
        <source>the certificate &quot;%1&quot; presented by %2 is valid only from %3: check this computer&apos;s clock</source>
        <translation>das von %2 vorgelegte Zertifikat „%1“ gilt erst ab %3: die Uhr dieses Computers prüfen</translation>
    </message>
    <message>
        <source>the certificate &quot;%1&quot; presented by %2 has been revoked by its issuer</source>
        <translation>das von %2 vorgelegte Zertifikat „%1“ wurde von seinem Aussteller widerrufen</translation>
    </message>
    <message>
        <source>the certificate of %1 was not accepted: %2</source>
        <translation>das Zertifikat von %1 wurde nicht angenommen: %2</translation>
    </message>
</context>
<context>
    <name>keycard::oidc</name>
    <message>
        <source>no %1</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 is not a string</source>
        <translation>%1 ist kein String</translation>
    </message>
    <message>
        <source>%1 is not https:// (%2)</source>
        <translation>%1 ist nicht https:// (%2)</translation>
    </message>
    <message>
        <source>Authorization, token and JWKS endpoints</source>
        <translation>Autorisierungs-, Token- und JWKS-Endpunkt</translation>
    </message>
    <message>
        <source>Authorization, token, JWKS and userinfo endpoints</source>
        <translation>Autorisierungs-, Token-, JWKS- und Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>%1 use https:// or http:// on this machine</source>
        <translation>%1 verwenden https:// oder http:// auf diesem Rechner</translation>
    </message>
    <message>
        <source>%1 use https://</source>
        <translation>%1 verwenden https://</translation>
    </message>
    <message>
        <source>Discovery document</source>
        <translation>Discovery-Dokument</translation>
    </message>
    <message>
        <source>Issuer matches</source>
        <translation>Aussteller stimmt überein</translation>
    </message>
    <message>
        <source>Endpoints use HTTPS</source>
        <translation>Endpunkte verwenden HTTPS</translation>
    </message>
    <message>
        <source>Signing keys (JWKS)</source>
        <translation>Signaturschlüssel (JWKS)</translation>
    </message>
    <message>
        <source>Authorization code flow</source>
        <translation>Authorization-Code-Flow</translation>
    </message>
    <message>
        <source>PKCE with S256</source>
        <translation>PKCE mit S256</translation>
    </message>
    <message>
        <source>openid scope</source>
        <translation>Scope openid</translation>
    </message>
    <message>
        <source>Fetched %1: a JSON object</source>
        <translation>%1 abgerufen: ein JSON-Objekt</translation>
    </message>
    <message>
        <source>The document has no issuer</source>
        <translation>Das Dokument nennt keinen Aussteller</translation>
    </message>
    <message>
        <source>The document&apos;s issuer is exactly %1</source>
        <translation>Der Aussteller des Dokuments ist genau %1</translation>
    </message>
    <message>
        <source>The document&apos;s issuer is %1, not %2 (they must be equal, trailing slash included)</source>
        <translation>Der Aussteller des Dokuments ist %1, nicht %2 (beide müssen gleich sein, abschließender Schrägstrich eingeschlossen)</translation>
    </message>
    <message>
        <source>The JWKS at %1 has no signing key</source>
        <translation>Das JWKS unter %1 hat keinen Signaturschlüssel</translation>
    </message>
    <message>
        <source>1 signing key at %1</source>
        <translation>1 Signaturschlüssel unter %1</translation>
    </message>
    <message>
        <source>%1 signing keys at %2</source>
        <translation>%1 Signaturschlüssel unter %2</translation>
    </message>
    <message>
        <source>response_types_supported includes code</source>
        <translation>response_types_supported enthält code</translation>
    </message>
    <message>
        <source>The document has no response_types_supported</source>
        <translation>Das Dokument hat kein response_types_supported</translation>
    </message>
    <message>
        <source>response_types_supported lacks code (lists: %1)</source>
        <translation>response_types_supported enthält code nicht (Liste: %1)</translation>
    </message>
    <message>
        <source>PKCE with S256 is supported</source>
        <translation>PKCE mit S256 wird unterstützt</translation>
    </message>
    <message>
        <source>No code_challenge_methods_supported: PKCE with S256 is not advertised</source>
        <translation>Kein code_challenge_methods_supported: PKCE mit S256 wird nicht angeboten</translation>
    </message>
    <message>
        <source>code_challenge_methods_supported lacks S256 (lists: %1)</source>
        <translation>code_challenge_methods_supported enthält S256 nicht (Liste: %1)</translation>
    </message>
    <message>
        <source>scopes_supported includes openid</source>
        <translation>scopes_supported enthält openid</translation>
    </message>
    <message>
        <source>The document does not list scopes_supported</source>
        <translation>Das Dokument führt kein scopes_supported auf</translation>
    </message>
    <message>
        <source>scopes_supported lacks openid</source>
        <translation>scopes_supported enthält openid nicht</translation>
    </message>
    <message>
        <source>This looks like a Microsoft Entra ID tenant id</source>
        <translation>Das sieht nach einer Mandanten-ID von Microsoft Entra ID aus</translation>
    </message>
    <message>
        <source>This is the discovery document&apos;s address; the issuer is the part before /.well-known/openid-configuration</source>
        <translation>Das ist die Adresse des Discovery-Dokuments; der Aussteller ist der Teil vor /.well-known/openid-configuration</translation>
    </message>
    <message>
        <source>This is Okta&apos;s admin console; the issuer is the org&apos;s own host, without -admin</source>
        <translation>Das ist die Admin-Konsole von Okta; der Aussteller ist der eigene Host der Okta-Org, ohne -admin</translation>
    </message>
    <message>
        <source>This is an endpoint of Okta&apos;s org authorization server</source>
        <translation>Das ist ein Endpunkt des Org-Autorisierungsservers von Okta</translation>
    </message>
    <message>
        <source>This is an endpoint of an Okta custom authorization server</source>
        <translation>Das ist ein Endpunkt eines benutzerdefinierten Autorisierungsservers von Okta</translation>
    </message>
    <message>
        <source>This is a Microsoft Entra ID v2.0 endpoint</source>
        <translation>Das ist ein Endpunkt von Microsoft Entra ID v2.0</translation>
    </message>
    <message>
        <source>This is an endpoint of a Keycloak realm</source>
        <translation>Das ist ein Endpunkt eines Keycloak-Realms</translation>
    </message>
    <message>
        <source>Auth0&apos;s issuer is the tenant domain with a trailing slash</source>
        <translation>Der Aussteller bei Auth0 ist die Tenant-Domain mit abschließendem Schrägstrich</translation>
    </message>
    <message>
        <source>Google&apos;s issuer is https://accounts.google.com</source>
        <translation>Der Aussteller bei Google ist https://accounts.google.com</translation>
    </message>
    <message>
        <source>Enter your Okta domain, e.g. your-org.okta.com</source>
        <translation>Geben Sie Ihre Okta-Domain ein, z. B. your-org.okta.com</translation>
    </message>
    <message>
        <source>Enter the Okta domain alone, e.g. your-org.okta.com</source>
        <translation>Geben Sie nur die Okta-Domain ein, z. B. your-org.okta.com</translation>
    </message>
    <message>
        <source>%1 is the admin console; enter %2.%3</source>
        <translation>%1 ist die Admin-Konsole; geben Sie %2.%3 ein</translation>
    </message>
    <message>
        <source>The authorization server id has letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; only</source>
        <translation>Die ID des Autorisierungsservers enthält nur Buchstaben, Ziffern, „-“, „_“ oder „.“</translation>
    </message>
    <message>
        <source>Enter the directory (tenant) id or a domain of the tenant</source>
        <translation>Geben Sie die Verzeichnis-ID (Mandant) oder eine Domain des Mandanten ein</translation>
    </message>
    <message>
        <source>Enter the tenant id (a GUID) or a domain such as contoso.onmicrosoft.com</source>
        <translation>Geben Sie die Mandanten-ID (eine GUID) oder eine Domain wie contoso.onmicrosoft.com ein</translation>
    </message>
    <message>
        <source>Enter your Auth0 tenant domain, e.g. your-tenant.us.auth0.com</source>
        <translation>Geben Sie Ihre Auth0-Tenant-Domain ein, z. B. your-tenant.us.auth0.com</translation>
    </message>
    <message>
        <source>Enter the tenant domain alone, e.g. your-tenant.us.auth0.com</source>
        <translation>Geben Sie nur die Tenant-Domain ein, z. B. your-tenant.us.auth0.com</translation>
    </message>
    <message>
        <source>Enter the Keycloak host, e.g. sso.example.com</source>
        <translation>Geben Sie den Keycloak-Host ein, z. B. sso.example.com</translation>
    </message>
    <message>
        <source>Enter the Keycloak host name (with a port or path prefix if it has one)</source>
        <translation>Geben Sie den Hostnamen von Keycloak ein (mit Port oder Pfadpräfix, falls vorhanden)</translation>
    </message>
    <message>
        <source>Enter the realm&apos;s name</source>
        <translation>Geben Sie den Namen des Realms ein</translation>
    </message>
    <message>
        <source>The realm name has letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; only</source>
        <translation>Der Realm-Name enthält nur Buchstaben, Ziffern, „-“, „_“ oder „.“</translation>
    </message>
    <message>
        <source>Enter the issuer URL the provider shows</source>
        <translation>Geben Sie die Aussteller-URL ein, die der Anbieter anzeigt</translation>
    </message>
    <message>
        <source>Only available on the sandbox</source>
        <translation>Nur in der Sandbox verfügbar</translation>
    </message>
    <message>
        <source>In the Okta Admin Console, open Applications › Applications and choose Create App Integration.</source>
        <translation>Öffnen Sie in der Okta Admin Console Applications › Applications und wählen Sie Create App Integration.</translation>
    </message>
    <message>
        <source>Choose OIDC - OpenID Connect and the application type Web Application.</source>
        <translation>Wählen Sie OIDC - OpenID Connect und den Anwendungstyp Web Application.</translation>
    </message>
    <message>
        <source>Under Sign-in redirect URIs, enter:</source>
        <translation>Geben Sie unter Sign-in redirect URIs ein:</translation>
    </message>
    <message>
        <source>Keep the grant type Authorization Code and assign the people or groups who will sign in.</source>
        <translation>Behalten Sie den Grant-Typ Authorization Code bei und weisen Sie die Personen oder Gruppen zu, die sich anmelden sollen.</translation>
    </message>
    <message>
        <source>Copy the Client ID and the client secret into this form. Your Okta domain is the org&apos;s address without -admin.</source>
        <translation>Kopieren Sie die Client ID und das Client-Secret in dieses Formular. Ihre Okta-Domain ist die Adresse der Org ohne -admin.</translation>
    </message>
    <message>
        <source>In the Microsoft Entra admin center, open App registrations and choose New registration.</source>
        <translation>Öffnen Sie im Microsoft Entra admin center App registrations und wählen Sie New registration.</translation>
    </message>
    <message>
        <source>Under Redirect URI, choose the platform Web and enter:</source>
        <translation>Wählen Sie unter Redirect URI die Plattform Web und geben Sie ein:</translation>
    </message>
    <message>
        <source>On the Overview page, copy the Application (client) ID into this form and the Directory (tenant) ID into the field above.</source>
        <translation>Kopieren Sie auf der Seite Overview die Application (client) ID in dieses Formular und die Directory (tenant) ID in das Feld oben.</translation>
    </message>
    <message>
        <source>Under Certificates &amp; secrets, create a new client secret and copy its Value into this form.</source>
        <translation>Erstellen Sie unter Certificates &amp; secrets ein neues Client-Secret und kopieren Sie dessen Value in dieses Formular.</translation>
    </message>
    <message>
        <source>Keycard identifies members by the oid claim, as Entra ID recommends: this preset sets external_id_claim to oid.</source>
        <translation>Keycard identifiziert Mitglieder anhand des Claims oid, wie von Entra ID empfohlen: Diese Vorlage setzt external_id_claim auf oid.</translation>
    </message>
    <message>
        <source>In the Google Cloud console, choose a project of your organization and open APIs &amp; Services › Credentials.</source>
        <translation>Wählen Sie in der Google Cloud Console ein Projekt Ihrer Organisation und öffnen Sie APIs &amp; Services › Credentials.</translation>
    </message>
    <message>
        <source>Choose Create credentials › OAuth client ID, application type Web application.</source>
        <translation>Wählen Sie Create credentials › OAuth client ID, Anwendungstyp Web application.</translation>
    </message>
    <message>
        <source>Under Authorized redirect URIs, add:</source>
        <translation>Fügen Sie unter Authorized redirect URIs Folgendes hinzu:</translation>
    </message>
    <message>
        <source>Copy the Client ID and the Client secret into this form.</source>
        <translation>Kopieren Sie die Client ID und das Client secret in dieses Formular.</translation>
    </message>
    <message>
        <source>In the Auth0 Dashboard, open Applications › Applications and choose Create Application, type Regular Web Applications.</source>
        <translation>Öffnen Sie im Auth0 Dashboard Applications › Applications und wählen Sie Create Application, Typ Regular Web Applications.</translation>
    </message>
    <message>
        <source>In the application&apos;s Settings, add to Allowed Callback URLs:</source>
        <translation>Fügen Sie in den Settings der Anwendung unter Allowed Callback URLs Folgendes hinzu:</translation>
    </message>
    <message>
        <source>Copy the Domain into the field above (the issuer keeps a trailing slash), and the Client ID and Client Secret into this form.</source>
        <translation>Kopieren Sie die Domain in das Feld oben (der Aussteller behält einen abschließenden Schrägstrich) und die Client ID und das Client Secret in dieses Formular.</translation>
    </message>
    <message>
        <source>In the Keycloak admin console, select the realm and open Clients › Create client, client type OpenID Connect.</source>
        <translation>Wählen Sie in der Keycloak-Admin-Konsole den Realm aus und öffnen Sie Clients › Create client, Client type OpenID Connect.</translation>
    </message>
    <message>
        <source>Turn on Client authentication and keep Standard flow (the authorization code flow) enabled.</source>
        <translation>Schalten Sie Client authentication ein und lassen Sie Standard flow (den Authorization-Code-Flow) aktiviert.</translation>
    </message>
    <message>
        <source>Under Valid redirect URIs, enter:</source>
        <translation>Geben Sie unter Valid redirect URIs ein:</translation>
    </message>
    <message>
        <source>Copy the Client ID, and the client secret from the Credentials tab, into this form.</source>
        <translation>Kopieren Sie die Client ID und das Client-Secret aus dem Tab Credentials in dieses Formular.</translation>
    </message>
    <message>
        <source>In the provider&apos;s admin console, create an OpenID Connect application for a web (confidential) client.</source>
        <translation>Erstellen Sie in der Admin-Konsole des Anbieters eine OpenID-Connect-Anwendung für einen (vertraulichen) Web-Client.</translation>
    </message>
    <message>
        <source>Register this redirect URI:</source>
        <translation>Registrieren Sie diese Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>Allow the authorization code grant and the scopes:</source>
        <translation>Erlauben Sie den Grant-Typ Authorization Code und die Scopes:</translation>
    </message>
    <message>
        <source>Copy the issuer URL the provider gives for it into Issuer URL below (its discovery document is at &lt;issuer&gt;/.well-known/openid-configuration), and the client ID and secret.</source>
        <translation>Kopieren Sie die Aussteller-URL, die der Anbieter dafür angibt, unten in Aussteller-URL (ihr Discovery-Dokument liegt unter &lt;issuer&gt;/.well-known/openid-configuration), außerdem die Client-ID und das Secret.</translation>
    </message>
    <message>
        <source>The sandbox serves a mock identity provider with this issuer, so the whole form can be tried offline:</source>
        <translation>Die Sandbox stellt einen simulierten Identitätsanbieter mit diesem Aussteller bereit, sodass das ganze Formular offline ausprobiert werden kann:</translation>
    </message>
    <message>
        <source>It has no console: any client ID is accepted, e.g. sandbox-client.</source>
        <translation>Er hat keine Konsole: Jede Client-ID wird akzeptiert, z. B. sandbox-client.</translation>
    </message>
    <message>
        <source>The sandbox profile&apos;s redirect URI:</source>
        <translation>Die Weiterleitungs-URI des Sandbox-Profils:</translation>
    </message>
    <message>
        <source>Sandbox IdP</source>
        <translation>Sandbox-IdP</translation>
    </message>
    <message>
        <source>Okta domain</source>
        <translation>Okta-Domain</translation>
    </message>
    <message>
        <source>your-org.okta.com</source>
        <translation>your-org.okta.com</translation>
    </message>
    <message>
        <source>Custom authorization server id</source>
        <translation>ID des benutzerdefinierten Autorisierungsservers</translation>
    </message>
    <message>
        <source>Optional, e.g. default; empty for the org authorization server</source>
        <translation>Optional, z. B. default; leer für den Org-Autorisierungsserver</translation>
    </message>
    <message>
        <source>Tenant ID or domain</source>
        <translation>Mandanten-ID oder Domain</translation>
    </message>
    <message>
        <source>Directory (tenant) ID, or e.g. contoso.onmicrosoft.com</source>
        <translation>Verzeichnis-ID (Mandant) oder z. B. contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <source>Tenant domain</source>
        <translation>Tenant-Domain</translation>
    </message>
    <message>
        <source>your-tenant.us.auth0.com</source>
        <translation>your-tenant.us.auth0.com</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>sso.example.com</source>
        <translation>sso.example.com</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>e.g. employees</source>
        <translation>z. B. employees</translation>
    </message>
    <message>
        <source>Other OpenID Connect provider</source>
        <translation>Anderer OpenID-Connect-Anbieter</translation>
    </message>
    <message>
        <source>Sets protocols.openid.external_id_claim to %1</source>
        <translation>Setzt protocols.openid.external_id_claim auf %1</translation>
    </message>
    <message>
        <source>%1 is a domain, and the issuer Entra ID publishes names the tenant by its ID instead: enter the Directory (tenant) ID from the Overview page of the Microsoft Entra admin center.</source>
        <translation>%1 ist eine Domain, der Aussteller, den Entra ID veröffentlicht, nennt den Mandanten aber mit seiner ID: Geben Sie die Directory (tenant) ID von der Seite Overview im Microsoft Entra Admin Center ein.</translation>
    </message>
</context>
<context>
    <name>keycard::oidc::IssuerCheck</name>
    <message>
        <source>%1 is larger than %2 KiB; not read</source>
        <translation>%1 ist größer als %2 KiB; nicht gelesen</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>HTTP %1 from %2 without a usable Location</source>
        <translation>HTTP %1 von %2 ohne verwendbaren Location-Header</translation>
    </message>
    <message>
        <source>%1 redirects to another origin (%2); not followed</source>
        <translation>%1 leitet zu einem anderen Origin weiter (%2); nicht verfolgt</translation>
    </message>
    <message>
        <source>Too many redirects from %1</source>
        <translation>Zu viele Weiterleitungen von %1</translation>
    </message>
    <message>
        <source>Could not fetch %1: %2</source>
        <translation>%1 konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>HTTP %1 von %2</translation>
    </message>
    <message>
        <source>%1 did not return a JSON object</source>
        <translation>%1 hat kein JSON-Objekt geliefert</translation>
    </message>
    <message>
        <source>The document has no jwks_uri</source>
        <translation>Das Dokument hat keine jwks_uri</translation>
    </message>
    <message>
        <source>Not fetched: %1 is not https://</source>
        <translation>Nicht abgerufen: %1 ist nicht https://</translation>
    </message>
    <message>
        <source>Not checked: no discovery document was read</source>
        <translation>Nicht geprüft: Es wurde kein Discovery-Dokument gelesen</translation>
    </message>
</context>
<context>
    <name>keycard::profiles::SecretStore</name>
    <message>
        <source>No keychain available: the secret is kept for this session only</source>
        <translation>Kein Schlüsselbund verfügbar: Das Secret wird nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret (%1); it is kept for this session only</source>
        <translation>Der Schlüsselbund hat das Speichern des Secrets abgelehnt (%1); es wird nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <source>The secret is kept for this session only</source>
        <translation>Das Secret wird nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <source>The keychain refused to give out the secret (%1)</source>
        <translation>Der Schlüsselbund hat die Herausgabe des Secrets abgelehnt (%1)</translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret (%1)</source>
        <translation>Der Schlüsselbund hat das Löschen des Secrets abgelehnt (%1)</translation>
    </message>
</context>
<context>
    <name>keycard::ui</name>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>OpenID userinfo endpoint</source>
        <translation>OpenID-Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>Must not contain spaces</source>
        <translation>Darf keine Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>Must start with https://</source>
        <translation>Muss mit https:// beginnen</translation>
    </message>
    <message>
        <source>Enter the host name after https://</source>
        <translation>Geben Sie nach https:// den Hostnamen ein</translation>
    </message>
    <message>
        <source>Not a valid URL</source>
        <translation>Keine gültige URL</translation>
    </message>
    <message>
        <source>Must use https:// (http:// only for localhost)</source>
        <translation>Muss https:// verwenden (http:// nur für localhost)</translation>
    </message>
    <message>
        <source>An issuer URL has no query (?…) or fragment (#…)</source>
        <translation>Eine Aussteller-URL hat keine Query (?…) und kein Fragment (#…)</translation>
    </message>
</context>
<context>
    <name>keycard::ui::AssessingValidator</name>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>This is the discovery document&apos;s address, not the issuer</source>
        <translation>Das ist die Adresse des Discovery-Dokuments, nicht der Aussteller</translation>
    </message>
</context>
<context>
    <name>keycard::ui::BaseUrlValidator</name>
    <message>
        <source>Enter the API base URL, e.g. https://api.keycard.ai</source>
        <translation>Geben Sie die Basis-URL der API ein, z. B. https://api.keycard.ai</translation>
    </message>
</context>
<context>
    <name>keycard::ui::CaFileField</name>
    <message>
        <source>None: the system&apos;s certificate authorities</source>
        <translation>Keine: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Additional CA certificates</source>
        <translation>Zusätzliche CA-Zertifikate</translation>
    </message>
    <message>
        <source>A PEM file with certificate authorities to trust besides the system&apos;s, e.g. your organization&apos;s private CA or the CA of a proxy that inspects TLS. Certificates are always verified.</source>
        <translation>Eine PEM-Datei mit Zertifizierungsstellen, denen zusätzlich zu denen des Systems vertraut wird, z. B. die private CA Ihrer Organisation oder die CA eines Proxys, der TLS prüft. Zertifikate werden immer geprüft.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>Eine PEM-Datei wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>keycard::ui::ConnectDialog</name>
    <message>
        <source>Ser&amp;vice account</source>
        <translation>&amp;Dienstkonto</translation>
    </message>
    <message>
        <source>API to&amp;ken</source>
        <translation>API-To&amp;ken</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Try the sand&amp;box</source>
        <translation>Sand&amp;box ausprobieren</translation>
    </message>
    <message>
        <source>Connect to Keycard</source>
        <translation>Mit Keycard verbinden</translation>
    </message>
    <message>
        <source>Sign in with a service account (create one in the Keycard console under Settings › Service Accounts) or with an API token. The secret is stored in your system&apos;s keychain, never in a settings file.</source>
        <translation>Melden Sie sich mit einem Dienstkonto an (anzulegen in der Keycard-Konsole unter Settings › Service Accounts) oder mit einem API-Token. Das Secret wird im Schlüsselbund Ihres Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>Basis-URL der API</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client ID</source>
        <translation>Geben Sie die Client-ID des Dienstkontos ein</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client secret</source>
        <translation>Geben Sie das Client-Secret des Dienstkontos ein</translation>
    </message>
    <message>
        <source>Show client secret</source>
        <translation>Client-Secret anzeigen</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Paste the API token</source>
        <translation>Fügen Sie das API-Token ein</translation>
    </message>
    <message>
        <source>Show API token</source>
        <translation>API-Token anzeigen</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>API base &amp;URL:</source>
        <translation>Basis-&amp;URL der API:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>API t&amp;oken:</source>
        <translation>API-T&amp;oken:</translation>
    </message>
    <message>
        <source>Obtain a token and list one organization with these settings</source>
        <translation>Mit diesen Einstellungen ein Token beziehen und eine Organisation auflisten</translation>
    </message>
    <message>
        <source>Explore Keycard Admin on a local demo server with sample data</source>
        <translation>Keycard Admin auf einem lokalen Demo-Server mit Beispieldaten erkunden</translation>
    </message>
    <message>
        <source>&amp;Save and connect</source>
        <translation>&amp;Speichern und verbinden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Secret anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>A saved profile has this name: saving replaces it</source>
        <translation>Ein gespeichertes Profil hat diesen Namen: Speichern ersetzt es</translation>
    </message>
    <message>
        <source>Already stored: leave empty to keep it</source>
        <translation>Bereits gespeichert: leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>Fill in the highlighted fields first</source>
        <translation>Füllen Sie zuerst die markierten Felder aus</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet …</translation>
    </message>
    <message>
        <source>No secret is stored any more: enter it again</source>
        <translation>Es ist kein Secret mehr gespeichert: Geben Sie es erneut ein</translation>
    </message>
    <message>
        <source>Saving “%1”…</source>
        <translation>„%1“ wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Additional CA cert&amp;ificates:</source>
        <translation>Zusätzliche CA-Zert&amp;ifikate:</translation>
    </message>
</context>
<context>
    <name>keycard::ui::DisableSsoDialog</name>
    <message>
        <source>Disable SSO — %1</source>
        <translation>SSO deaktivieren – %1</translation>
    </message>
    <message>
        <source>Disable single sign-on for %1?</source>
        <translation>Single Sign-On für %1 deaktivieren?</translation>
    </message>
    <message>
        <source>Keycard deletes the organization&apos;s SSO connection, including its stored client secret. Members stop signing in through the identity provider and can no longer reach Keycard with their identity-provider accounts until SSO is enabled again.

Before you continue, make sure you keep an administrator account that does not sign in through SSO.</source>
        <translation>Keycard löscht die SSO-Verbindung der Organisation samt ihrem gespeicherten Client-Secret. Mitglieder melden sich nicht mehr über den Identitätsanbieter an und können Keycard mit ihren Konten beim Identitätsanbieter erst wieder erreichen, wenn SSO erneut aktiviert ist.

Stellen Sie vorher sicher, dass Sie ein Administratorkonto behalten, das sich nicht über SSO anmeldet.</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>Organization label, to confirm</source>
        <translation>Label der Organisation, zur Bestätigung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Disable SSO</source>
        <translation>SSO deaktivieren</translation>
    </message>
    <message>
        <source>Cancelled. The request may already have reached Keycard; Retry reuses the same request ID.</source>
        <translation>Abgebrochen. Die Anfrage hat Keycard möglicherweise schon erreicht; „Wiederholen“ verwendet dieselbe Anfrage-ID.</translation>
    </message>
    <message>
        <source>Stop waiting for Keycard</source>
        <translation>Nicht länger auf Keycard warten</translation>
    </message>
    <message>
        <source>Keep SSO enabled</source>
        <translation>SSO aktiviert lassen</translation>
    </message>
    <message>
        <source>Type the label exactly, with the same letter case</source>
        <translation>Geben Sie das Label genau so ein, mit derselben Groß- und Kleinschreibung</translation>
    </message>
    <message>
        <source>Does not match the organization&apos;s label</source>
        <translation>Stimmt nicht mit dem Label der Organisation überein</translation>
    </message>
    <message>
        <source>Disable SSO now</source>
        <translation>SSO jetzt deaktivieren</translation>
    </message>
    <message>
        <source>Type %1 above to enable this button</source>
        <translation>Geben Sie oben %1 ein, um diese Schaltfläche zu aktivieren</translation>
    </message>
    <message>
        <source>You may not disable SSO for this organization (requires the organizations.update permission).</source>
        <translation>Sie dürfen SSO für diese Organisation nicht deaktivieren (erfordert die Berechtigung organizations.update).</translation>
    </message>
</context>
<context>
    <name>keycard::ui::EndpointValidator</name>
    <message>
        <source>Starts or ends with a space</source>
        <translation>Beginnt oder endet mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>Remove the spaces</source>
        <translation>Leerzeichen entfernen</translation>
    </message>
</context>
<context>
    <name>keycard::ui::FieldValidator</name>
    <message>
        <source>Starts or ends with a space</source>
        <translation>Beginnt oder endet mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>Remove the spaces</source>
        <translation>Leerzeichen entfernen</translation>
    </message>
</context>
<context>
    <name>keycard::ui::IssuerValidator</name>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
</context>
<context>
    <name>keycard::ui::ProfileController</name>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Connect to Keycard…</source>
        <translation>Mit Keycard &amp;verbinden …</translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation>Profil &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Sign Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Forget this profile&apos;s secret in the keychain; keep its settings</source>
        <translation>Das Secret dieses Profils im Schlüsselbund vergessen; seine Einstellungen behalten</translation>
    </message>
    <message>
        <source>&amp;Remove Profile…</source>
        <translation>Profil &amp;entfernen …</translation>
    </message>
    <message>
        <source>Command-line server</source>
        <translation>Server von der Befehlszeile</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Signing in to “%1”: reading its secret from the keychain…</source>
        <translation>Anmeldung bei „%1“: Das Secret wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Signed out of “%1”: its secret was removed from the keychain. Choose it again to sign in.</source>
        <translation>Von „%1“ abgemeldet: Das Secret wurde aus dem Schlüsselbund entfernt. Wählen Sie das Profil erneut, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the connection profile “%1” and its stored secret?</source>
        <translation>Das Verbindungsprofil „%1“ und sein gespeichertes Secret entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Sign Out of “%1”</source>
        <translation>Von „%1“ &amp;abmelden</translation>
    </message>
    <message>
        <source>No profile is in use</source>
        <translation>Kein Profil in Verwendung</translation>
    </message>
    <message>
        <source>Forget the secret of “%1” in the keychain; keep its settings</source>
        <translation>Das Secret von „%1“ im Schlüsselbund vergessen; die Einstellungen behalten</translation>
    </message>
    <message>
        <source>Using %1 as given on the command line for this run: saved connection profiles are not used.</source>
        <translation>Für diesen Start wird %1 wie auf der Befehlszeile angegeben verwendet: Gespeicherte Verbindungsprofile werden nicht genutzt.</translation>
    </message>
    <message>
        <source>No keychain available: the secret is kept for this session only</source>
        <translation>Kein Schlüsselbund verfügbar: Das Secret wird nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <source>Connect to Keycard…</source>
        <translation>Mit Keycard verbinden …</translation>
    </message>
    <message>
        <source>You are exploring demo data in a local sandbox; changes you make here are forgotten when Keycard Admin closes. Connect to your Keycard account to manage your organizations.</source>
        <translation>Sie erkunden Demodaten in einer lokalen Sandbox; Ihre Änderungen gehen beim Beenden von Keycard Admin verloren. Verbinden Sie sich mit Ihrem Keycard-Konto, um Ihre Organisationen zu verwalten.</translation>
    </message>
    <message>
        <source>Restart Keycard Admin to explore the demo again, or connect to your Keycard account.</source>
        <translation>Starten Sie Keycard Admin neu, um die Demo weiter zu erkunden, oder verbinden Sie sich mit Ihrem Keycard-Konto.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::ProfileSwitcher</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Which Keycard account to work with</source>
        <translation>Mit welchem Keycard-Konto gearbeitet wird</translation>
    </message>
    <message>
        <source>Sandbox (demo data)</source>
        <translation>Sandbox (Demodaten)</translation>
    </message>
    <message>
        <source>A local demo server with sample organizations</source>
        <translation>Ein lokaler Demo-Server mit Beispielorganisationen</translation>
    </message>
    <message>
        <source>Connect to Keycard…</source>
        <translation>Mit Keycard verbinden …</translation>
    </message>
    <message>
        <source>Add a connection profile</source>
        <translation>Ein Verbindungsprofil hinzufügen</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoAdvancedSection</name>
    <message>
        <source>Show advanced settings</source>
        <translation>Erweiterte Einstellungen anzeigen</translation>
    </message>
    <message>
        <source>Sent as X-Client-Request-ID. Retries of the same operation reuse it, so Keycard can recognise a repeated request.</source>
        <translation>Wird als X-Client-Request-ID gesendet. Wiederholungen desselben Vorgangs verwenden sie erneut, sodass Keycard eine wiederholte Anfrage erkennen kann.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Generate a new request ID</source>
        <translation>Eine neue Anfrage-ID erzeugen</translation>
    </message>
    <message>
        <source>Protocol settings are optional: Keycard discovers them from the issuer. Fill them in only to override what the identity provider publishes.</source>
        <translation>Protokolleinstellungen sind optional: Keycard ermittelt sie beim Aussteller. Füllen Sie sie nur aus, um zu überschreiben, was der Identitätsanbieter veröffentlicht.</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>openid email profile</source>
        <translation>openid email profile</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>S256</source>
        <translation>S256</translation>
    </message>
    <message>
        <source>OpenID userinfo endpoint</source>
        <translation>OpenID-Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Erweiterte Einstellungen ausblenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoChangeSummary</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message numerus="yes">
        <source>Review the %n changes before saving:</source>
        <translation>
            <numerusform>Prüfen Sie die Änderung vor dem Speichern:</numerusform>
            <numerusform>Prüfen Sie die %n Änderungen vor dem Speichern:</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the protocol settings listed here are sent. A protocol setting changed elsewhere since this dialog opened stays as it is, unless it is one of those listed.</source>
        <translation>Nur die hier aufgeführten Protokolleinstellungen werden gesendet. Eine Protokolleinstellung, die seit dem Öffnen dieses Dialogs anderswo geändert wurde, bleibt, wie sie ist, außer sie gehört zu den aufgeführten.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoCheckPage</name>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Keycard Admin reads the issuer&apos;s discovery document and signing keys, as Keycard will. Go back to correct what fails, or go on.</source>
        <translation>Keycard Admin liest das Discovery-Dokument und die Signaturschlüssel des Ausstellers, wie es Keycard tun wird. Gehen Sie zurück, um Fehlgeschlagenes zu korrigieren, oder fahren Sie fort.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoClientPage</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>The client the identity provider issued for Keycard.</source>
        <translation>Der Client, den der Identitätsanbieter für Keycard ausgestellt hat.</translation>
    </message>
    <message>
        <source>Keycard stores the secret encrypted and never shows it again.</source>
        <translation>Keycard speichert das Secret verschlüsselt und zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>External ID claim</source>
        <translation>Claim für die externe ID</translation>
    </message>
    <message>
        <source>%1 (set by the %2 preset)</source>
        <translation>%1 (von der Vorlage %2 gesetzt)</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoConnectionForm</name>
    <message>
        <source>Organization ID or label</source>
        <translation>ID oder Label der Organisation</translation>
    </message>
    <message>
        <source>e.g. https://your-org.okta.com, https://login.microsoftonline.com/&lt;tenant&gt;/v2.0, https://accounts.google.com</source>
        <translation>z. B. https://your-org.okta.com, https://login.microsoftonline.com/&lt;tenant&gt;/v2.0, https://accounts.google.com</translation>
    </message>
    <message>
        <source>Okta: https://your-org.okta.com · Entra ID: https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 · Google: https://accounts.google.com</source>
        <translation>Okta: https://your-org.okta.com · Entra ID: https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 · Google: https://accounts.google.com</translation>
    </message>
    <message>
        <source>The identity provider&apos;s issuer URL, as published in its /.well-known/openid-configuration document</source>
        <translation>Die Aussteller-URL des Identitätsanbieters, wie sie in seinem Dokument /.well-known/openid-configuration veröffentlicht ist</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Keycard stores the secret encrypted and never shows it again.</source>
        <translation>Keycard speichert das Secret verschlüsselt und zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>Replace secret</source>
        <translation>Secret ersetzen</translation>
    </message>
    <message>
        <source>Remove secret</source>
        <translation>Secret entfernen</translation>
    </message>
    <message>
        <source>Keep the current secret</source>
        <translation>Das aktuelle Secret behalten</translation>
    </message>
    <message>
        <source>No secret</source>
        <translation>Kein Secret</translation>
    </message>
    <message>
        <source>Set a secret</source>
        <translation>Ein Secret festlegen</translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation>Neues Client-Secret</translation>
    </message>
    <message>
        <source>Type to replace the secret</source>
        <translation>Tippen, um das Secret zu ersetzen</translation>
    </message>
    <message>
        <source>Left empty, the client ID will be removed</source>
        <translation>Bleibt das Feld leer, wird die Client-ID entfernt</translation>
    </message>
    <message>
        <source>No client ID</source>
        <translation>Keine Client-ID</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: Enter the new secret, or keep the current one</source>
        <translation>%1: Geben Sie das neue Secret ein oder behalten Sie das aktuelle</translation>
    </message>
    <message>
        <source>Nothing has changed</source>
        <translation>Nichts wurde geändert</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoDialog</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Edit SSO — %1</source>
        <translation>SSO bearbeiten – %1</translation>
    </message>
    <message>
        <source>Edit single sign-on for %1</source>
        <translation>Single Sign-On für %1 bearbeiten</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Änderungen prüfen …</translation>
    </message>
    <message>
        <source>Waiting for Keycard…</source>
        <translation>Warten auf Keycard …</translation>
    </message>
    <message>
        <source>Review the changes before they are sent</source>
        <translation>Die Änderungen prüfen, bevor sie gesendet werden</translation>
    </message>
    <message>
        <source>Not ready yet:</source>
        <translation>Noch nicht bereit:</translation>
    </message>
    <message>
        <source>Saving changes…</source>
        <translation>Änderungen werden gespeichert …</translation>
    </message>
    <message>
        <source>Stop waiting for Keycard</source>
        <translation>Nicht länger auf Keycard warten</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen ohne zu speichern</translation>
    </message>
    <message>
        <source>See the message under the field.</source>
        <translation>Siehe die Meldung unter dem Feld.</translation>
    </message>
    <message>
        <source>Correct the form and submit it again.</source>
        <translation>Korrigieren Sie das Formular und senden Sie es erneut.</translation>
    </message>
    <message>
        <source>You may not change SSO for this organization (requires the organizations.update permission).</source>
        <translation>Sie dürfen SSO für diese Organisation nicht ändern (erfordert die Berechtigung organizations.update).</translation>
    </message>
    <message>
        <source>SSO is no longer enabled for this organization.</source>
        <translation>SSO ist für diese Organisation nicht mehr aktiviert.</translation>
    </message>
    <message>
        <source>Nothing you typed was lost. Retry sends the request again with the same request ID.</source>
        <translation>Nichts von Ihrer Eingabe ging verloren. „Wiederholen“ sendet die Anfrage erneut mit derselben Anfrage-ID.</translation>
    </message>
    <message>
        <source>Cancelled. If the request had already reached Keycard it may have been applied; Retry reuses the same request ID, so it is safe.</source>
        <translation>Abgebrochen. Falls die Anfrage Keycard bereits erreicht hatte, wurde sie möglicherweise ausgeführt; „Wiederholen“ verwendet dieselbe Anfrage-ID und ist daher sicher.</translation>
    </message>
    <message>
        <source>You may not change SSO for this organization.</source>
        <translation>Sie dürfen SSO für diese Organisation nicht ändern.</translation>
    </message>
    <message>
        <source>Change how Keycard connects to the identity provider. Only the fields you change are checked and sent.</source>
        <translation>Ändern Sie, wie Keycard sich mit dem Identitätsanbieter verbindet. Nur die Felder, die Sie ändern, werden geprüft und gesendet.</translation>
    </message>
    <message>
        <source>Issuer check of the new issuer: running…</source>
        <translation>Prüfung des neuen Ausstellers: läuft…</translation>
    </message>
    <message>
        <source>✗ The new issuer failed the issuer check: %1 Keycard may still reach an identity provider this machine cannot.</source>
        <translation>✗ Der neue Aussteller hat die Prüfung nicht bestanden: %1 Keycard erreicht einen Identitätsanbieter möglicherweise dennoch, auch wenn dieser Rechner es nicht kann.</translation>
    </message>
    <message>
        <source>✓ The new issuer passed the issuer check.</source>
        <translation>✓ Der neue Aussteller hat die Prüfung bestanden.</translation>
    </message>
    <message>
        <source>The new issuer was not checked.</source>
        <translation>Der neue Aussteller wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>Send these changes to Keycard</source>
        <translation>Diese Änderungen an Keycard senden</translation>
    </message>
    <message>
        <source>Type the organization&apos;s label (%1) to change the issuer anyway:</source>
        <translation>Geben Sie das Label der Organisation (%1) ein, um den Aussteller trotzdem zu ändern:</translation>
    </message>
    <message>
        <source>Organization label, to confirm</source>
        <translation>Label der Organisation, zur Bestätigung</translation>
    </message>
    <message>
        <source>Still reading who would lose sign-in</source>
        <translation>Es wird noch gelesen, wer die Anmeldung verlieren würde</translation>
    </message>
    <message>
        <source>No administrator would be left able to sign in: type the organization&apos;s label to go on</source>
        <translation>Kein Administrator könnte sich mehr anmelden: Geben Sie das Label der Organisation ein, um fortzufahren</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoEnableWizard</name>
    <message>
        <source>Enable SSO — %1</source>
        <translation>SSO aktivieren — %1</translation>
    </message>
    <message>
        <source>&amp;Enable SSO</source>
        <translation>SSO &amp;aktivieren</translation>
    </message>
    <message>
        <source>View existing connection</source>
        <translation>Bestehende Verbindung ansehen</translation>
    </message>
    <message>
        <source>Edit it instead</source>
        <translation>Stattdessen bearbeiten</translation>
    </message>
    <message>
        <source>None chosen (issuer typed)</source>
        <translation>Keiner gewählt (Aussteller eingegeben)</translation>
    </message>
    <message>
        <source>Enable &amp;anyway</source>
        <translation>&amp;Trotzdem aktivieren</translation>
    </message>
    <message>
        <source>The issuer check failed. An identity provider on an internal network may be unreachable from this machine; Keycard may still reach it.</source>
        <translation>Die Prüfung des Ausstellers ist fehlgeschlagen. Ein Identitätsanbieter in einem internen Netz ist von diesem Rechner aus womöglich nicht erreichbar; Keycard erreicht ihn möglicherweise dennoch.</translation>
    </message>
    <message>
        <source>Enable SSO with these settings</source>
        <translation>SSO mit diesen Einstellungen aktivieren</translation>
    </message>
    <message>
        <source>Discard the SSO settings?</source>
        <translation>SSO-Einstellungen verwerfen?</translation>
    </message>
    <message>
        <source>Close Enable SSO for %1 and discard what you typed?</source>
        <translation>„SSO aktivieren“ für %1 schließen und die Eingaben verwerfen?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Enabling SSO…</source>
        <translation>SSO wird aktiviert…</translation>
    </message>
    <message>
        <source>Stop waiting for Keycard</source>
        <translation>Nicht länger auf Keycard warten</translation>
    </message>
    <message>
        <source>Close without enabling SSO</source>
        <translation>Schließen, ohne SSO zu aktivieren</translation>
    </message>
    <message>
        <source>See the message under the field.</source>
        <translation>Siehe die Meldung unter dem Feld.</translation>
    </message>
    <message>
        <source>Go back, correct the settings and send them again.</source>
        <translation>Gehen Sie zurück, korrigieren Sie die Einstellungen und senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>You may not change SSO for this organization.</source>
        <translation>Sie dürfen SSO für diese Organisation nicht ändern.</translation>
    </message>
    <message>
        <source>You may not change SSO for this organization (requires the organizations.update permission).</source>
        <translation>Sie dürfen SSO für diese Organisation nicht ändern (erfordert die Berechtigung organizations.update).</translation>
    </message>
    <message>
        <source>The organization no longer exists on the server.</source>
        <translation>Die Organisation existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Nothing you typed was lost. Retry sends the request again with the same request ID.</source>
        <translation>Nichts von Ihren Eingaben ging verloren. „Wiederholen“ sendet die Anfrage erneut mit derselben Anfrage-ID.</translation>
    </message>
    <message>
        <source>Cancelled. If the request had already reached Keycard it may have been applied; Retry reuses the same request ID, so it is safe.</source>
        <translation>Abgebrochen. Hatte die Anfrage Keycard bereits erreicht, wurde sie womöglich ausgeführt; „Wiederholen“ verwendet dieselbe Anfrage-ID und ist daher sicher.</translation>
    </message>
    <message>
        <source>SSO is already enabled for %1, with issuer %2. Keycard allows one connection per organization: view it, or edit it with what you typed here.</source>
        <translation>SSO ist für %1 bereits aktiviert, mit dem Aussteller %2. Keycard erlaubt eine Verbindung je Organisation: Sehen Sie sie an, oder bearbeiten Sie sie mit Ihren Eingaben von hier.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoIdpPage</name>
    <message>
        <source>At your identity provider</source>
        <translation>Bei Ihrem Identitätsanbieter</translation>
    </message>
    <message>
        <source>Register Keycard as an application at your identity provider, with these values.</source>
        <translation>Registrieren Sie Keycard als Anwendung bei Ihrem Identitätsanbieter, mit diesen Werten.</translation>
    </message>
    <message>
        <source>What to register</source>
        <translation>Was zu registrieren ist</translation>
    </message>
    <message>
        <source>About the sandbox&apos;s identity provider</source>
        <translation>Über den Identitätsanbieter der Sandbox</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>the redirect URI above.</source>
        <translation>die Weiterleitungs-URI oben.</translation>
    </message>
    <message>
        <source>the scopes above.</source>
        <translation>die Scopes oben.</translation>
    </message>
    <message>
        <source>Value of step %1</source>
        <translation>Wert zu Schritt %1</translation>
    </message>
    <message>
        <source>Copy the value of step %1</source>
        <translation>Den Wert zu Schritt %1 kopieren</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoIdpSection</name>
    <message>
        <source>At your identity provider</source>
        <translation>Bei Ihrem Identitätsanbieter</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Copy the redirect URI</source>
        <translation>Die Weiterleitungs-URI kopieren</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Use Keycard&apos;s default redirect URI, %1</source>
        <translation>Die Standard-Weiterleitungs-URI von Keycard verwenden, %1</translation>
    </message>
    <message>
        <source>Application type</source>
        <translation>Anwendungstyp</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Grant-Typ</translation>
    </message>
    <message>
        <source>Authorization Code</source>
        <translation>Authorization Code</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Before you enable SSO: a member&apos;s first SSO sign-in creates them in Keycard without roles, and granting roles takes an administrator who does not sign in through SSO. Keep one such administrator account.</source>
        <translation>Bevor Sie SSO aktivieren: Bei der ersten SSO-Anmeldung wird ein Mitglied ohne Rollen in Keycard angelegt, und Rollen vergeben kann nur ein Administrator, der sich nicht über SSO anmeldet. Behalten Sie ein solches Administratorkonto.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s own redirect URI (the sandbox profile&apos;s value).</source>
        <translation>Die eigene Weiterleitungs-URI der Sandbox (der Wert des Sandbox-Profils).</translation>
    </message>
    <message>
        <source>Register it in the identity provider&apos;s application. If the Keycard console shows a redirect URL for your organization, paste that one here; it is kept with this connection profile.</source>
        <translation>Registrieren Sie sie in der Anwendung beim Identitätsanbieter. Zeigt die Keycard-Konsole eine Weiterleitungs-URL für Ihre Organisation an, fügen Sie diese hier ein; sie wird mit diesem Verbindungsprofil gespeichert.</translation>
    </message>
    <message>
        <source>Register it in the identity provider&apos;s application. If the Keycard console shows a redirect URL for your organization, paste that one here; it is kept until Keycard Admin closes.</source>
        <translation>Registrieren Sie sie in der Anwendung beim Identitätsanbieter. Zeigt die Keycard-Konsole eine Weiterleitungs-URL für Ihre Organisation an, fügen Sie diese hier ein; sie bleibt erhalten, bis Keycard Admin beendet wird.</translation>
    </message>
    <message>
        <source>Use the default redirect URI</source>
        <translation>Die Standard-Weiterleitungs-URI verwenden</translation>
    </message>
    <message>
        <source>&amp;Redirect URI</source>
        <translation>&amp;Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Copy the scopes</source>
        <translation>Die Scopes kopieren</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoIssuerChecklist</name>
    <message>
        <source>Issuer check</source>
        <translation>Prüfung des Ausstellers</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Fetch the issuer&apos;s discovery document and signing keys</source>
        <translation>Discovery-Dokument und Signaturschlüssel des Ausstellers abrufen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop checking the issuer</source>
        <translation>Die Prüfung des Ausstellers anhalten</translation>
    </message>
    <message>
        <source>A failed check does not stop you: an identity provider on an internal network may be unreachable from this machine. &quot;Enable anyway&quot; sends the settings as they are.</source>
        <translation>Eine fehlgeschlagene Prüfung hält Sie nicht auf: Ein Identitätsanbieter in einem internen Netzwerk ist von diesem Rechner aus möglicherweise nicht erreichbar. „Trotzdem aktivieren“ sendet die Einstellungen so, wie sie sind.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS</source>
        <translation>JWKS</translation>
    </message>
    <message>
        <source>Userinfo endpoint</source>
        <translation>Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>PKCE methods: %1</source>
        <translation>PKCE-Methoden: %1</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>keine aufgeführt</translation>
    </message>
    <message>
        <source>The provider reports:</source>
        <translation>Der Anbieter meldet:</translation>
    </message>
    <message>
        <source>Enter the issuer URL to check it.</source>
        <translation>Geben Sie die Aussteller-URL ein, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Not checked: the issuer URL is not valid yet.</source>
        <translation>Nicht geprüft: Die Aussteller-URL ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>Checking %1 in a moment…</source>
        <translation>%1 wird gleich geprüft …</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>%1 failed the check.</source>
        <translation>%1 hat die Prüfung nicht bestanden.</translation>
    </message>
    <message>
        <source>%1 passed the check.</source>
        <translation>%1 hat die Prüfung bestanden.</translation>
    </message>
    <message>
        <source>Check stopped. &quot;Check now&quot; runs it again.</source>
        <translation>Prüfung angehalten. „Jetzt prüfen“ führt sie erneut aus.</translation>
    </message>
    <message>
        <source>Use the discovered issuer</source>
        <translation>Den gefundenen Aussteller verwenden</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoProviderPage</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Choose your identity provider and enter what identifies your account there. The issuer URL follows from it.</source>
        <translation>Wählen Sie Ihren Identitätsanbieter und geben Sie ein, was Ihr Konto dort kennzeichnet. Die Aussteller-URL ergibt sich daraus.</translation>
    </message>
    <message>
        <source>e.g. https://your-org.okta.com</source>
        <translation>z. B. https://ihre-org.okta.com</translation>
    </message>
    <message>
        <source>The identity provider&apos;s issuer URL, as published in its /.well-known/openid-configuration document</source>
        <translation>Die Aussteller-URL des Identitätsanbieters, wie in seinem Dokument /.well-known/openid-configuration veröffentlicht</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoProviderPanel</name>
    <message>
        <source>Identity provider</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Choose your identity provider…</source>
        <translation>Wählen Sie Ihren Identitätsanbieter …</translation>
    </message>
    <message>
        <source>Identity &amp;provider</source>
        <translation>&amp;Identitätsanbieter</translation>
    </message>
    <message>
        <source>Copy the issuer URL from the provider&apos;s console into Issuer URL.</source>
        <translation>Kopieren Sie die Aussteller-URL aus der Konsole des Anbieters in „Aussteller-URL“.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Keycard receives exactly these settings. Nothing has been sent yet.</source>
        <translation>Keycard erhält genau diese Einstellungen. Noch wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Identity provider</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Set (not shown)</source>
        <translation>Gesetzt (nicht angezeigt)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>External ID claim</source>
        <translation>Claim für die externe ID</translation>
    </message>
    <message>
        <source>Keycard&apos;s default</source>
        <translation>Keycards Standard</translation>
    </message>
    <message>
        <source>Authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS-URI</translation>
    </message>
    <message>
        <source>Registration endpoint</source>
        <translation>Registrierungs-Endpunkt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>PKCE methods</source>
        <translation>PKCE-Methoden</translation>
    </message>
    <message>
        <source>OpenID userinfo endpoint</source>
        <translation>OpenID-Userinfo-Endpunkt</translation>
    </message>
    <message>
        <source>Protocol settings</source>
        <translation>Protokolleinstellungen</translation>
    </message>
    <message>
        <source>Discovered from the issuer</source>
        <translation>Vom Aussteller ermittelt</translation>
    </message>
    <message>
        <source>✓ The issuer passed the check.</source>
        <translation>✓ Der Aussteller hat die Prüfung bestanden.</translation>
    </message>
    <message>
        <source>✗ The issuer failed the check: %1</source>
        <translation>✗ Der Aussteller hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <source>An identity provider on an internal network may be unreachable from this machine and still work for Keycard; &quot;Enable anyway&quot; sends the settings as they are.</source>
        <translation>Ein Identitätsanbieter in einem internen Netz ist von diesem Rechner aus womöglich nicht erreichbar und funktioniert dennoch für Keycard; „Trotzdem aktivieren“ sendet die Einstellungen, wie sie sind.</translation>
    </message>
    <message>
        <source>The issuer check is still running…</source>
        <translation>Die Prüfung des Ausstellers läuft noch…</translation>
    </message>
    <message>
        <source>The issuer was not checked.</source>
        <translation>Der Aussteller wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>Invite an administrator…</source>
        <translation>Administrator einladen …</translation>
    </message>
    <message>
        <source>Invitation sent to %1. It counts once accepted.</source>
        <translation>Einladung an %1 gesendet. Sie zählt, sobald sie angenommen ist.</translation>
    </message>
</context>
<context>
    <name>keycard::ui::SsoWorkflow</name>
    <message>
        <source>SSO enabled for %1</source>
        <translation>SSO für %1 aktiviert</translation>
    </message>
    <message>
        <source>SSO settings of %1 saved</source>
        <translation>SSO-Einstellungen von %1 gespeichert</translation>
    </message>
    <message>
        <source>SSO disabled for %1</source>
        <translation>SSO für %1 deaktiviert</translation>
    </message>
</context>
<context>
    <name>keycard::ui::ValidatedField</name>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Unchanged: Keycard accepted this value earlier, but it does not meet today&apos;s rule (%1). Other changes can be saved; fix it when you can.</source>
        <translation>Unverändert: Keycard hat diesen Wert früher angenommen, er erfüllt aber die heutige Regel nicht (%1). Andere Änderungen können gespeichert werden; korrigieren Sie ihn, wenn Sie können.</translation>
    </message>
    <message>
        <source>The OAuth 2.0 client ID issued by the identity provider</source>
        <translation>Die vom Identitätsanbieter vergebene OAuth-2.0-Client-ID</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the client secret</source>
        <translation>Client-Secret anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show client secret</source>
        <translation>Client-Secret anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide client secret</source>
        <translation>Client-Secret verbergen</translation>
    </message>
</context>
</TS>
