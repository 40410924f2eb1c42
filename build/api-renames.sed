# oidc-servlet issue 11: the API/internal split and the session -> login rename, as sed rules.
# Apply to Java sources, service files and docs of a branch made before the split:
#   git ls-files -z "*.java" "*.md" "**/META-INF/services/*" | xargs -0 sed -i -f build/api-renames.sed
# Idempotent: applying it twice changes nothing. What sed cannot do: a NEW file a branch added under an old
# package directory (core/src/*/java/io/github/oidcservlet/core/{config,login,logout,provider,session,token,
# validation}/) gets its package line rewritten but must also be git mv-ed to .../core/internal/<same>/, and
# a reference to a class of its OLD package by simple name (no import) needs an import of the new place.

# 1. Classes that changed package or name (before the package rules, which would otherwise catch them)
s/\bio\.github\.oidcservlet\.core\.LogText\b/io.github.oidcservlet.core.internal.LogText/g
s/\bio\.github\.oidcservlet\.core\.OidcEngine\b/io.github.oidcservlet.core.web.OidcEngine/g
s/\bio\.github\.oidcservlet\.core\.RandomTokens\b/io.github.oidcservlet.core.internal.RandomTokens/g
s/\bio\.github\.oidcservlet\.core\.config\.ClientAuthMethod\b/io.github.oidcservlet.core.internal.config.ClientAuthMethod/g
s/\bio\.github\.oidcservlet\.core\.config\.ClientCredentials\b/io.github.oidcservlet.core.internal.config.ClientCredentials/g
s/\bio\.github\.oidcservlet\.core\.config\.ConfigKey\b/io.github.oidcservlet.core.internal.config.ConfigKey/g
s/\bio\.github\.oidcservlet\.core\.config\.ConfigReader\b/io.github.oidcservlet.core.internal.config.ConfigReader/g
s/\bio\.github\.oidcservlet\.core\.config\.ConfigSource\b/io.github.oidcservlet.core.ConfigSource/g
s/\bio\.github\.oidcservlet\.core\.config\.KeySuggestions\b/io.github.oidcservlet.core.internal.config.KeySuggestions/g
s/\bio\.github\.oidcservlet\.core\.config\.LoginRequestRules\b/io.github.oidcservlet.core.internal.config.LoginRequestRules/g
s/\bio\.github\.oidcservlet\.core\.config\.OidcConfig\b/io.github.oidcservlet.core.OidcConfig/g
s/\bio\.github\.oidcservlet\.core\.config\.OidcConfigException\b/io.github.oidcservlet.core.OidcConfigException/g
s/\bio\.github\.oidcservlet\.core\.config\.PathPattern\b/io.github.oidcservlet.core.internal.config.PathPattern/g
s/\bio\.github\.oidcservlet\.core\.config\.PemPrivateKeys\b/io.github.oidcservlet.core.internal.config.PemPrivateKeys/g
s/\bio\.github\.oidcservlet\.core\.config\.PlainHttp\b/io.github.oidcservlet.core.internal.config.PlainHttp/g
s/\bio\.github\.oidcservlet\.core\.config\.Secret\b/io.github.oidcservlet.core.internal.config.Secret/g
s/\bio\.github\.oidcservlet\.core\.config\.StoreSettings\b/io.github.oidcservlet.core.internal.config.StoreSettings/g
s/\bio\.github\.oidcservlet\.core\.login\.AuthorizationRequests\b/io.github.oidcservlet.core.internal.login.AuthorizationRequests/g
s/\bio\.github\.oidcservlet\.core\.login\.CallbackHandler\b/io.github.oidcservlet.core.internal.login.CallbackHandler/g
s/\bio\.github\.oidcservlet\.core\.login\.LoginFailures\b/io.github.oidcservlet.core.internal.login.LoginFailures/g
s/\bio\.github\.oidcservlet\.core\.login\.LoginResult\b/io.github.oidcservlet.core.internal.login.LoginResult/g
s/\bio\.github\.oidcservlet\.core\.login\.PendingLogin\b/io.github.oidcservlet.core.internal.login.PendingLogin/g
s/\bio\.github\.oidcservlet\.core\.login\.PendingLogins\b/io.github.oidcservlet.core.internal.login.PendingLogins/g
s/\bio\.github\.oidcservlet\.core\.login\.ReturnUrls\b/io.github.oidcservlet.core.internal.login.ReturnUrls/g
s/\bio\.github\.oidcservlet\.core\.logout\.BackchannelLogout\b/io.github.oidcservlet.core.internal.logout.BackchannelLogout/g
s/\bio\.github\.oidcservlet\.core\.logout\.BackchannelLogoutResult\b/io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult/g
s/\bio\.github\.oidcservlet\.core\.logout\.LogoutRedirects\b/io.github.oidcservlet.core.internal.logout.LogoutRedirects/g
s/\bio\.github\.oidcservlet\.core\.logout\.TokenRevoker\b/io.github.oidcservlet.core.internal.logout.TokenRevoker/g
s/\bio\.github\.oidcservlet\.core\.provider\.CappedBody\b/io.github.oidcservlet.core.internal.provider.CappedBody/g
s/\bio\.github\.oidcservlet\.core\.provider\.DiscoveryClient\b/io.github.oidcservlet.core.internal.provider.DiscoveryClient/g
s/\bio\.github\.oidcservlet\.core\.provider\.HttpResult\b/io.github.oidcservlet.core.internal.provider.HttpResult/g
s/\bio\.github\.oidcservlet\.core\.provider\.JwksRetriever\b/io.github.oidcservlet.core.internal.provider.JwksRetriever/g
s/\bio\.github\.oidcservlet\.core\.provider\.OidcProvider\b/io.github.oidcservlet.core.internal.provider.OidcProvider/g
s/\bio\.github\.oidcservlet\.core\.provider\.OutageTracker\b/io.github.oidcservlet.core.internal.provider.OutageTracker/g
s/\bio\.github\.oidcservlet\.core\.provider\.ProviderFaults\b/io.github.oidcservlet.core.internal.provider.ProviderFaults/g
s/\bio\.github\.oidcservlet\.core\.provider\.ProviderHttp\b/io.github.oidcservlet.core.internal.provider.ProviderHttp/g
s/\bio\.github\.oidcservlet\.core\.provider\.ProviderMetadata\b/io.github.oidcservlet.core.internal.provider.ProviderMetadata/g
s/\bio\.github\.oidcservlet\.core\.provider\.ProviderProtocolException\b/io.github.oidcservlet.core.ProviderProtocolException/g
s/\bio\.github\.oidcservlet\.core\.provider\.ProviderUnavailableException\b/io.github.oidcservlet.core.internal.provider.ProviderUnavailableException/g
s/\bio\.github\.oidcservlet\.core\.provider\.RecoveringJwkSource\b/io.github.oidcservlet.core.internal.provider.RecoveringJwkSource/g
s/\bio\.github\.oidcservlet\.core\.session\.ClaimPaths\b/io.github.oidcservlet.core.internal.session.ClaimPaths/g
s/\bio\.github\.oidcservlet\.core\.session\.Generations\b/io.github.oidcservlet.core.internal.session.Generations/g
s/\bio\.github\.oidcservlet\.core\.session\.OidcPrincipal\b/io.github.oidcservlet.core.OidcPrincipal/g
s/\bio\.github\.oidcservlet\.core\.session\.OidcSession\b/io.github.oidcservlet.core.OidcLogin/g
s/\bio\.github\.oidcservlet\.core\.session\.RefreshCoordination\b/io.github.oidcservlet.core.store.RefreshCoordination/g
s/\bio\.github\.oidcservlet\.core\.session\.RefreshOutcome\b/io.github.oidcservlet.core.store.RefreshOutcome/g
s/\bio\.github\.oidcservlet\.core\.session\.SessionFactory\b/io.github.oidcservlet.core.internal.session.LoginFactory/g
s/\bio\.github\.oidcservlet\.core\.session\.SessionRefresher\b/io.github.oidcservlet.core.internal.session.LoginRefresher/g
s/\bio\.github\.oidcservlet\.core\.session\.SessionSerialForm\b/io.github.oidcservlet.core.internal.session.LoginSerialForm/g
s/\bio\.github\.oidcservlet\.core\.session\.SingleFlight\b/io.github.oidcservlet.core.internal.session.SingleFlight/g
s/\bio\.github\.oidcservlet\.core\.store\.InMemoryJtiReplayCache\b/io.github.oidcservlet.core.internal.store.InMemoryJtiReplayCache/g
s/\bio\.github\.oidcservlet\.core\.store\.InMemorySessionIndex\b/io.github.oidcservlet.core.internal.store.InMemoryEndedLogins/g
s/\bio\.github\.oidcservlet\.core\.store\.MemoryStoreProvider\b/io.github.oidcservlet.core.internal.store.MemoryStoreProvider/g
s/\bio\.github\.oidcservlet\.core\.store\.SessionIndex\b/io.github.oidcservlet.core.store.EndedLogins/g
s/\bio\.github\.oidcservlet\.core\.store\.StoreProviders\b/io.github.oidcservlet.core.internal.store.StoreProviders/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientAssertions\b/io.github.oidcservlet.core.internal.token.ClientAssertions/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientAuthentication\b/io.github.oidcservlet.core.internal.token.ClientAuthentication/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientAuthentications\b/io.github.oidcservlet.core.internal.token.ClientAuthentications/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientSecretBasic\b/io.github.oidcservlet.core.internal.token.ClientSecretBasic/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientSecretJwt\b/io.github.oidcservlet.core.internal.token.ClientSecretJwt/g
s/\bio\.github\.oidcservlet\.core\.token\.ClientSecretPost\b/io.github.oidcservlet.core.internal.token.ClientSecretPost/g
s/\bio\.github\.oidcservlet\.core\.token\.NoClientAuthentication\b/io.github.oidcservlet.core.internal.token.NoClientAuthentication/g
s/\bio\.github\.oidcservlet\.core\.token\.PrivateKeyJwt\b/io.github.oidcservlet.core.internal.token.PrivateKeyJwt/g
s/\bio\.github\.oidcservlet\.core\.token\.TokenClient\b/io.github.oidcservlet.core.internal.token.TokenClient/g
s/\bio\.github\.oidcservlet\.core\.token\.TokenEndpointException\b/io.github.oidcservlet.core.internal.token.TokenEndpointException/g
s/\bio\.github\.oidcservlet\.core\.token\.TokenResponse\b/io.github.oidcservlet.core.internal.token.TokenResponse/g
s/\bio\.github\.oidcservlet\.core\.validation\.AllowedAlgorithmsKeySelector\b/io.github.oidcservlet.core.internal.validation.AllowedAlgorithmsKeySelector/g
s/\bio\.github\.oidcservlet\.core\.validation\.IdTokenValidator\b/io.github.oidcservlet.core.internal.validation.IdTokenValidator/g
s/\bio\.github\.oidcservlet\.core\.validation\.LogoutTokenValidator\b/io.github.oidcservlet.core.internal.validation.LogoutTokenValidator/g
s/\bio\.github\.oidcservlet\.core\.validation\.RefreshedIdTokenRules\b/io.github.oidcservlet.core.internal.validation.RefreshedIdTokenRules/g
s/\bio\.github\.oidcservlet\.core\.validation\.SharedClaimRules\b/io.github.oidcservlet.core.internal.validation.SharedClaimRules/g
s/\bio\.github\.oidcservlet\.core\.validation\.SignedJwtVerifier\b/io.github.oidcservlet.core.internal.validation.SignedJwtVerifier/g
s/\bio\.github\.oidcservlet\.core\.validation\.TokenValidationException\b/io.github.oidcservlet.core.internal.validation.TokenValidationException/g
s/\bio\.github\.oidcservlet\.core\.validation\.TokenValidators\b/io.github.oidcservlet.core.internal.validation.TokenValidators/g
s/\bio\.github\.oidcservlet\.core\.validation\.UserInfoClient\b/io.github.oidcservlet.core.internal.validation.UserInfoClient/g
s/\bio\.github\.oidcservlet\.core\.web\.AppUrls\b/io.github.oidcservlet.core.internal.web.AppUrls/g
s/\bio\.github\.oidcservlet\.core\.web\.ErrorPages\b/io.github.oidcservlet.core.internal.web.ErrorPages/g
s/\bio\.github\.oidcservlet\.core\.web\.LogoutConfirmation\b/io.github.oidcservlet.core.internal.web.LogoutConfirmation/g
s/\bio\.github\.oidcservlet\.core\.web\.PathPatterns\b/io.github.oidcservlet.core.internal.web.PathPatterns/g
s/\bio\.github\.oidcservlet\.core\.web\.RequestClassifier\b/io.github.oidcservlet.core.internal.web.RequestClassifier/g
s/\bio\.github\.oidcservlet\.core\.web\.RequestPath\b/io.github.oidcservlet.core.internal.web.RequestPath/g
s/\bio\.github\.oidcservlet\.core\.web\.SessionRenewal\b/io.github.oidcservlet.core.internal.web.LoginRenewal/g
s/\bio\.github\.oidcservlet\.core\.web\.SessionStore\b/io.github.oidcservlet.core.internal.web.SessionStore/g
s/\bio\.github\.oidcservlet\.filter\.JakartaServletBinding\b/io.github.oidcservlet.filter.internal.JakartaServletBinding/g
s/\bio\.github\.oidcservlet\.jakarta\.AnnotationConfig\b/io.github.oidcservlet.jakarta.internal.AnnotationConfig/g
s/\bio\.github\.oidcservlet\.jakarta\.ClaimsView\b/io.github.oidcservlet.jakarta.internal.ClaimsView/g
s/\bio\.github\.oidcservlet\.jakarta\.MechanismConfig\b/io.github.oidcservlet.jakarta.internal.MechanismConfig/g
s/\bio\.github\.oidcservlet\.jakarta\.MicroProfileConfig\b/io.github.oidcservlet.jakarta.internal.MicroProfileConfig/g
s/\bio\.github\.oidcservlet\.jakarta\.OidcMechanismExtension\b/io.github.oidcservlet.jakarta.internal.OidcMechanismExtension/g
s/\bio\.github\.oidcservlet\.jakarta\.OidcOpenIdContext\b/io.github.oidcservlet.jakarta.internal.OidcOpenIdContext/g

# 2. Packages that moved as a whole into core.internal (with the classes a later branch may have added)
s/\bio\.github\.oidcservlet\.core\.config\b/io.github.oidcservlet.core.internal.config/g
s/\bio\.github\.oidcservlet\.core\.login\b/io.github.oidcservlet.core.internal.login/g
s/\bio\.github\.oidcservlet\.core\.logout\b/io.github.oidcservlet.core.internal.logout/g
s/\bio\.github\.oidcservlet\.core\.provider\b/io.github.oidcservlet.core.internal.provider/g
s/\bio\.github\.oidcservlet\.core\.token\b/io.github.oidcservlet.core.internal.token/g
s/\bio\.github\.oidcservlet\.core\.validation\b/io.github.oidcservlet.core.internal.validation/g
s/\bio\.github\.oidcservlet\.core\.session\b/io.github.oidcservlet.core.internal.session/g

# 3. Simple names: the per-user value is a login; logins ended by back-channel logout are EndedLogins
s/\bOidcSession\b/OidcLogin/g
s/\bSessionSerialForm\b/LoginSerialForm/g
s/\bSessionFactory\b/LoginFactory/g
s/\bSessionRefresher\b/LoginRefresher/g
s/\bSessionRenewal\b/LoginRenewal/g
s/\bInMemorySessionIndex\b/InMemoryEndedLogins/g
s/\bSessionIndex\b/EndedLogins/g
s/\bsessionIndex\b/endedLogins/g
s/\bOidcSessionTest\b/OidcLoginTest/g
s/\bSessionRefresherTest\b/LoginRefresherTest/g
s/\bSessionRefresherLogTest\b/LoginRefresherLogTest/g
s/\bInMemorySessionIndexTest\b/InMemoryEndedLoginsTest/g
