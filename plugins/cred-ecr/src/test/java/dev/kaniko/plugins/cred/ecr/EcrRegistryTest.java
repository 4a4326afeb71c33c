package dev.kaniko.plugins.cred.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcrRegistryTest {

  @Test
  void parse_privateRegistry_takesAccountAndRegion() {
    assertThat(EcrRegistry.parse("123456789012.dkr.ecr.eu-west-3.amazonaws.com"))
        .contains(new EcrRegistry("123456789012.dkr.ecr.eu-west-3.amazonaws.com", "123456789012", "eu-west-3", false));
  }

  @Test
  void parse_fipsChinaAndPort_areEcrToo() {
    assertThat(EcrRegistry.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com")).get()
        .extracting(EcrRegistry::region).isEqualTo("us-gov-west-1");
    assertThat(EcrRegistry.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn")).get()
        .extracting(EcrRegistry::region).isEqualTo("cn-north-1");
    assertThat(EcrRegistry.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com:443")).isPresent();
  }

  @Test
  void parse_publicGallery_isEcrPublicInUsEast1() {
    assertThat(EcrRegistry.parse("public.ecr.aws")).contains(new EcrRegistry("public.ecr.aws", "", "us-east-1", true));
  }

  @Test
  void parse_otherRegistries_areNotEcr() {
    assertThat(EcrRegistry.parse("docker.io")).isEmpty();
    assertThat(EcrRegistry.parse("12345.dkr.ecr.us-east-1.amazonaws.com")).isEmpty();
    assertThat(EcrRegistry.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.io")).isEmpty();
    assertThat(EcrRegistry.parse("myregistry.azurecr.io")).isEmpty();
  }
}
