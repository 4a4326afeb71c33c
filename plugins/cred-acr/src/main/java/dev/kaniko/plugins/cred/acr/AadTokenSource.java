package dev.kaniko.plugins.cred.acr;

import dev.kaniko.spi.PluginException;

/** Gets an Azure AD access token for ACR (the seam between the exchange and the Azure SDK). */
public interface AadTokenSource {

  /** An access token for the Azure Resource Manager audience. */
  AzureToken token() throws PluginException;

  /** The tenant the token is for, if known (sent along in the ACR exchange). */
  String tenant();
}
