package dev.kaniko.plugins.cred.acr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import dev.kaniko.testsupport.MutableClock;
import dev.kaniko.testsupport.plugin.RecordingLogger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The helper with the real azure-identity SDK against loopback Azure AD and ACR exchange endpoints (no real Azure). */
class AcrCredentialHelperTest {

  private static final String REGISTRY = "kanikotest.azurecr.io";
  private static final String SECRET = "client-secret-value-" + Long.toHexString(System.nanoTime());

  private FakeAzure azure;
  private final MutableClock clock = new MutableClock();
  private final RecordingLogger logger = new RecordingLogger();

  @BeforeEach
  void start() throws Exception {
    azure = new FakeAzure(SECRET);
  }

  @AfterEach
  void stop() {
    azure.close();
  }

  private AcrCredentialHelper helper(String secret) {
    Map<String, String> env = Map.of("AZURE_CLIENT_ID", FakeAzure.CLIENT_ID, "AZURE_TENANT_ID", FakeAzure.TENANT,
        "AZURE_CLIENT_SECRET", secret, "AZURE_AUTHORITY_HOST", azure.url(), "KANIKO_ACR_EXCHANGE_URL", azure.url());
    return new AcrCredentialHelper(new AzureAdTokenService(env), new AcrTokenExchange(env), clock, logger);
  }

  @Test
  void retrieve_acrRegistry_returnsTheNullGuidUserAndTheRefreshToken() throws Exception {
    String refresh = FakeAzure.refreshToken(Instant.now().plus(Duration.ofHours(3)));
    azure.issue(refresh);

    assertThat(helper(SECRET).retrieve(REGISTRY))
        .contains(new RegistryCredential("00000000-0000-0000-0000-000000000000", refresh));
    assertThat(azure.exchanges()).containsExactly(new FakeAzure.Exchange(REGISTRY, FakeAzure.TENANT));
    assertThat(azure.unknownRequests()).isEmpty();
  }

  @Test
  void retrieve_beforeExpiry_isCached_andAfterExpiry_isRefreshed() throws Exception {
    String first = FakeAzure.refreshToken(clock.instant().plus(Duration.ofHours(3)));
    String second = FakeAzure.refreshToken(clock.instant().plus(Duration.ofHours(6)));
    azure.issue(first, second);
    AcrCredentialHelper helper = helper(SECRET);

    helper.retrieve(REGISTRY);
    clock.advance(Duration.ofHours(2));
    assertThat(helper.retrieve(REGISTRY)).get().extracting(RegistryCredential::secret).isEqualTo(first);
    clock.advance(Duration.ofMinutes(56));

    assertThat(helper.retrieve(REGISTRY)).get().extracting(RegistryCredential::secret).isEqualTo(second);
    assertThat(azure.exchanges()).hasSize(2);
  }

  @Test
  void retrieve_otherRegistry_isEmptyWithoutCallingAzure() throws Exception {
    assertThat(helper(SECRET).retrieve("ghcr.io")).isEmpty();
    assertThat(azure.issuedAccessTokens()).isEmpty();
  }

  @Test
  void retrieve_wrongClientSecret_failsWithOneUnauthorizedLine() {
    assertThatThrownBy(() -> helper("wrong-secret").retrieve(REGISTRY))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED))
        .hasMessageStartingWith("Azure AD denied a token for ACR: AADSTS7000215: Invalid client secret provided.")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void retrieve_registryRefusesTheExchange_failsWithOneUnauthorizedLine() {
    azure.denyExchange();

    assertThatThrownBy(() -> helper(SECRET).retrieve(REGISTRY))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED))
        .hasMessage("ACR " + REGISTRY + " refused to exchange the Azure AD token (HTTP 401); check that the"
            + " identity has a role on the registry (e.g. AcrPush)");
  }

  @Test
  void logsAndToString_neverShowTokensOrTheSecret() throws Exception {
    String first = FakeAzure.refreshToken(clock.instant().plus(Duration.ofHours(3)));
    azure.issue(first, FakeAzure.refreshToken(clock.instant().plus(Duration.ofHours(6))));
    AcrCredentialHelper helper = helper(SECRET);
    helper.retrieve(REGISTRY);
    clock.advance(Duration.ofHours(3));
    helper.retrieve(REGISTRY);

    assertThat(logger.lines()).hasSize(2)
        .noneMatch(line -> line.contains(first) || line.contains(SECRET) || line.contains("aad-"));
    assertThat(helper.toString()).doesNotContain(first);
    assertThat(new AzureToken(first, clock.instant()).toString()).doesNotContain(first);
  }

  @Test
  void expiry_readsTheJwtExp_elseAssumesThreeHours() {
    Instant exp = Instant.ofEpochSecond(2_000_000_000L);

    assertThat(AcrTokenExchange.expiry(FakeAzure.refreshToken(exp))).isEqualTo(exp);
    assertThat(AcrTokenExchange.expiry("opaque")).isBetween(Instant.now().plus(Duration.ofMinutes(179)),
        Instant.now().plus(Duration.ofMinutes(181)));
  }
}
