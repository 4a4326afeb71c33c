package dev.kaniko.plugins.cred.acr;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure AD access tokens through azure-identity, chosen from the build environment: a client secret
 * ({@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_SECRET}), else workload identity
 * ({@code AZURE_FEDERATED_TOKEN_FILE} with client and tenant ids), else managed identity (optionally the
 * user-assigned {@code AZURE_CLIENT_ID}). {@code AZURE_AUTHORITY_HOST} selects the cloud's authority.
 */
final class AzureAdTokenService implements AadTokenSource {

  static final String SCOPE = "https://management.azure.com/.default";

  /** An Azure AD error (MSAL wraps it in ExecutionExceptions): {@code AADSTS7000215: Invalid client secret ...}. */
  private static final Pattern AAD_ERROR = Pattern.compile("AADSTS\\d+:[^\\r\\n]*");

  private final Map<String, String> env;
  private TokenCredential credential;

  AzureAdTokenService(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String tenant() {
    return env.getOrDefault("AZURE_TENANT_ID", "");
  }

  @Override
  public synchronized AzureToken token() throws PluginException {
    AccessToken token;
    try {
      token = credential().getTokenSync(new TokenRequestContext().addScopes(SCOPE));
    } catch (CredentialUnavailableException e) {
      throw new PluginException(Reason.UNAUTHORIZED, "no Azure credentials for ACR: set AZURE_CLIENT_ID,"
          + " AZURE_TENANT_ID and AZURE_CLIENT_SECRET, or use workload or managed identity (" + firstLine(e) + ")");
    } catch (ClientAuthenticationException e) {
      throw new PluginException(Reason.UNAUTHORIZED, "Azure AD denied a token for ACR: " + firstLine(e));
    } catch (RuntimeException e) {
      Matcher denial = AAD_ERROR.matcher(messages(e));
      if (denial.find()) {
        throw new PluginException(Reason.UNAUTHORIZED, "Azure AD denied a token for ACR: " + denial.group().strip());
      }
      throw new PluginException(Reason.UNAVAILABLE, "cannot get an Azure AD token for ACR: " + firstLine(e));
    }
    if (token == null || token.getToken() == null) {
      throw new PluginException(Reason.OTHER, "Azure AD returned no access token");
    }
    return new AzureToken(token.getToken(), token.getExpiresAt().toInstant());
  }

  private TokenCredential credential() {
    if (credential == null) {
      credential = build();
    }
    return credential;
  }

  private TokenCredential build() {
    String clientId = value("AZURE_CLIENT_ID");
    String tenant = value("AZURE_TENANT_ID");
    String authority = value("AZURE_AUTHORITY_HOST");
    if (clientId != null && tenant != null && value("AZURE_CLIENT_SECRET") != null) {
      ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
          .clientId(clientId).tenantId(tenant).clientSecret(value("AZURE_CLIENT_SECRET"));
      if (authority != null) {
        builder.authorityHost(authority).disableInstanceDiscovery();
      }
      return builder.build();
    }
    if (clientId != null && tenant != null && value("AZURE_FEDERATED_TOKEN_FILE") != null) {
      WorkloadIdentityCredentialBuilder builder = new WorkloadIdentityCredentialBuilder()
          .clientId(clientId).tenantId(tenant).tokenFilePath(value("AZURE_FEDERATED_TOKEN_FILE"));
      if (authority != null) {
        builder.authorityHost(authority).disableInstanceDiscovery();
      }
      return builder.build();
    }
    ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
    if (clientId != null) {
      builder.clientId(clientId);
    }
    return builder.build();
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }
}
