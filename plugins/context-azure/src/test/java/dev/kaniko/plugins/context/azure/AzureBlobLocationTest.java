package dev.kaniko.plugins.context.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureBlobLocationTest {

  @Test
  void parse_splitsAccountContainerAndBlob() throws PluginException {
    AzureBlobLocation location =
        AzureBlobLocation.parse("https://myaccount.blob.core.windows.net/builds/team/a%20b/context.tar.gz");

    assertThat(location.account()).isEqualTo("myaccount");
    assertThat(location.container()).isEqualTo("builds");
    assertThat(location.blob()).isEqualTo("team/a b/context.tar.gz");
    assertThat(location.serviceEndpoint()).isEqualTo("https://myaccount.blob.core.windows.net");
    assertThat(location.sas()).isEmpty();
  }

  @Test
  void parse_keepsTheSasButNeverPrintsIt() throws PluginException {
    AzureBlobLocation location =
        AzureBlobLocation.parse("https://acct.blob.core.windows.net/c/ctx.tar.gz?sv=2024&sig=SECRETSIG");

    assertThat(location.sas()).contains("sv=2024&sig=SECRETSIG");
    assertThat(location.toString()).doesNotContain("SECRETSIG").endsWith("?***");
  }

  @Test
  void parse_rejectsUrlsWithoutContainerAndBlob_masked() {
    for (String uri : new String[] {"https://acct.blob.core.windows.net/onlycontainer",
        "https://acct.blob.core.windows.net/", "http://acct.blob.core.windows.net/c/b.tar.gz",
        "https://example.com/c/b.tar.gz?sig=SECRETSIG"}) {
      PluginException e = catchThrowableOfType(PluginException.class, () -> AzureBlobLocation.parse(uri));

      assertThat(e.reason()).as(uri).isEqualTo(Reason.INVALID_CONFIGURATION);
      assertThat(e.getMessage()).doesNotContain("SECRETSIG").doesNotContain("\n");
    }
  }

  @Test
  void factory_supportsBlobHostsOfEveryAzureCloudOnly() {
    AzureBlobContextSourceFactory factory = new AzureBlobContextSourceFactory();

    assertThat(factory.supports("https://acct.blob.core.windows.net/c/b.tar.gz")).isTrue();
    assertThat(factory.supports("https://ACCT.BLOB.CORE.WINDOWS.NET/c/b.tar.gz")).isTrue();
    assertThat(factory.supports("https://acct.blob.core.chinacloudapi.cn/c/b.tar.gz")).isTrue();
    assertThat(factory.supports("https://acct.blob.core.usgovcloudapi.net/c/b.tar.gz")).isTrue();
    assertThat(factory.supports("https://example.com/c/b.tar.gz")).isFalse();
    assertThat(factory.supports("https://blob.core.windows.net.evil.com/c/b.tar.gz")).isFalse();
    assertThat(factory.supports("https://a.b.blob.core.windows.net/c/b.tar.gz")).isFalse();
    assertThat(factory.supports("s3://bucket/key")).isFalse();
    assertThat(factory.priority()).isGreaterThan(0);
  }

  @Test
  void settings_pickConnectionStringThenKeyThenSasThenIdentity_andHideSecrets() throws PluginException {
    AzureBlobLocation plain = AzureBlobLocation.parse("https://a.blob.core.windows.net/c/b.tar.gz");
    AzureBlobLocation signed = AzureBlobLocation.parse("https://a.blob.core.windows.net/c/b.tar.gz?sig=x");

    AzureSettings both = AzureSettings.from(Map.of(
        "AZURE_STORAGE_CONNECTION_STRING", "AccountName=a;AccountKey=KEY1", "AZURE_STORAGE_ACCESS_KEY", "KEY2"));
    assertThat(both.credentialKind(plain)).isEqualTo("AZURE_STORAGE_CONNECTION_STRING");
    assertThat(both.toString()).doesNotContain("KEY1").doesNotContain("KEY2");
    assertThat(AzureSettings.from(Map.of("AZURE_STORAGE_ACCESS_KEY", "KEY2")).credentialKind(plain))
        .isEqualTo("AZURE_STORAGE_ACCESS_KEY");
    assertThat(AzureSettings.from(Map.of()).credentialKind(signed)).isEqualTo("SAS in the URL");
    assertThat(AzureSettings.from(Map.of()).credentialKind(plain)).isEqualTo("Azure identity");
  }
}
