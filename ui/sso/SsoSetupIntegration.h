#pragma once

#include "SsoSetupContext.h"

namespace keycard::ui {

class SsoDialog;

// Adds the identity provider side to an Enable / Edit SSO dialog, without the dialog knowing:
// enabling gets the provider chooser with its steps (SsoProviderPanel) and "At your identity
// provider" (SsoIdpSection) above the fields; both modes get the issuer checklist
// (SsoIssuerChecklist) below them. The preset fills the issuer; the issuer is checked when it
// settles; a failed check turns "Enable SSO" into "Enable anyway" (never blocks it); the
// preset's external_id_claim is sent with the connection.
void installSsoSetup(SsoDialog *dialog, const SsoSetupContext &context);

} // namespace keycard::ui
