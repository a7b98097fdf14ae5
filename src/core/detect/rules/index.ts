import type { Rule } from "../rule.js";
import { rules as aws } from "./providers/aws.js";
import { rules as googleCloud } from "./providers/google-cloud.js";
import { rules as azure } from "./providers/azure.js";
import { rules as azureApiManagement } from "./providers/azure-api-management.js";
import { rules as azureCacheForRedis } from "./providers/azure-cache-for-redis.js";
import { rules as digitalocean } from "./providers/digitalocean.js";
import { rules as alibabaCloud } from "./providers/alibaba-cloud.js";
import { rules as ibmCloud } from "./providers/ibm-cloud.js";
import { rules as oracleCloud } from "./providers/oracle-cloud.js";
import { rules as tencentCloud } from "./providers/tencent-cloud.js";
import { rules as scaleway } from "./providers/scaleway.js";
import { rules as linode } from "./providers/linode.js";
import { rules as akamai } from "./providers/akamai.js";
import { rules as hetzner } from "./providers/hetzner.js";
import { rules as vultr } from "./providers/vultr.js";
import { rules as yandexCloud } from "./providers/yandex-cloud.js";
import { rules as cloudinary } from "./providers/cloudinary.js";
import { rules as github } from "./providers/github.js";
import { rules as gitlab } from "./providers/gitlab.js";
import { rules as bitbucket } from "./providers/bitbucket.js";
import { rules as geminiExchange } from "./providers/gemini-exchange.js";
import { rules as gitea } from "./providers/gitea.js";
import { rules as travisCi } from "./providers/travis-ci.js";
import { rules as circleci } from "./providers/circleci.js";
import { rules as buildkite } from "./providers/buildkite.js";
import { rules as drone } from "./providers/drone.js";
import { rules as slack } from "./providers/slack.js";
import { rules as discord } from "./providers/discord.js";
import { rules as telegram } from "./providers/telegram.js";
import { rules as pubnub } from "./providers/pubnub.js";
import { rules as microsoftTeams } from "./providers/microsoft-teams.js";
import { rules as twilio } from "./providers/twilio.js";
import { rules as sendgrid } from "./providers/sendgrid.js";
import { rules as mailgun } from "./providers/mailgun.js";
import { rules as mailchimp } from "./providers/mailchimp.js";
import { rules as postmark } from "./providers/postmark.js";
import { rules as brevo } from "./providers/brevo.js";
import { rules as vonage } from "./providers/vonage.js";
import { rules as messagebird } from "./providers/messagebird.js";
import { rules as plivo } from "./providers/plivo.js";
import { rules as telnyx } from "./providers/telnyx.js";
import { rules as mattermost } from "./providers/mattermost.js";
import { rules as zulip } from "./providers/zulip.js";
import { rules as intercom } from "./providers/intercom.js";
import { rules as pusher } from "./providers/pusher.js";
import { rules as zoom } from "./providers/zoom.js";
import { rules as xTwitter } from "./providers/x-twitter.js";
import { rules as meta } from "./providers/meta.js";
import { rules as lineMessaging } from "./providers/line.js";
import { rules as wechat } from "./providers/wechat.js";
import { rules as stripe } from "./providers/stripe.js";
import { rules as square } from "./providers/square.js";
import { rules as paypal } from "./providers/paypal.js";
import { rules as shopify } from "./providers/shopify.js";
import { rules as adyen } from "./providers/adyen.js";
import { rules as razorpay } from "./providers/razorpay.js";
import { rules as plaid } from "./providers/plaid.js";
import { rules as coinbase } from "./providers/coinbase.js";
import { rules as flutterwave } from "./providers/flutterwave.js";
import { rules as paystack } from "./providers/paystack.js";
import { rules as mollie } from "./providers/mollie.js";
import { rules as checkoutCom } from "./providers/checkout-com.js";
import { rules as gocardless } from "./providers/gocardless.js";
import { rules as wise } from "./providers/wise.js";
import { rules as klarna } from "./providers/klarna.js";
import { rules as openai } from "./providers/openai.js";
import { rules as anthropic } from "./providers/anthropic.js";
import { rules as huggingface } from "./providers/huggingface.js";
import { rules as replicate } from "./providers/replicate.js";
import { rules as groq } from "./providers/groq.js";
import { rules as perplexity } from "./providers/perplexity.js";
import { rules as xai } from "./providers/xai.js";
import { rules as togetherAi } from "./providers/together-ai.js";
import { rules as fireworks } from "./providers/fireworks.js";
import { rules as elevenlabs } from "./providers/elevenlabs.js";
import { rules as langchain } from "./providers/langchain.js";
import { rules as pinecone } from "./providers/pinecone.js";
import { rules as cerebras } from "./providers/cerebras.js";
import { rules as openrouter } from "./providers/openrouter.js";
import { rules as cohere } from "./providers/cohere.js";
import { rules as mistral } from "./providers/mistral.js";
import { rules as deepseek } from "./providers/deepseek.js";
import { rules as assemblyai } from "./providers/assemblyai.js";
import { rules as deepgram } from "./providers/deepgram.js";
import { rules as azureOpenai } from "./providers/azure-openai.js";
import { rules as voyageAi } from "./providers/voyage-ai.js";
import { rules as stabilityAi } from "./providers/stability-ai.js";
import { rules as wandb } from "./providers/wandb.js";
import { rules as npm } from "./providers/npm.js";
import { rules as dockerHub } from "./providers/docker-hub.js";
import { rules as jfrog } from "./providers/jfrog.js";
import { rules as pypi } from "./providers/pypi.js";
import { rules as nuget } from "./providers/nuget.js";
import { rules as rubygems } from "./providers/rubygems.js";
import { rules as cratesIo } from "./providers/crates-io.js";
import { rules as clojars } from "./providers/clojars.js";
import { rules as packagist } from "./providers/packagist.js";
import { rules as hex } from "./providers/hex.js";
import { rules as sonatype } from "./providers/sonatype.js";
import { rules as cargo } from "./providers/cargo.js";
import { rules as anaconda } from "./providers/anaconda.js";
import { rules as quay } from "./providers/quay.js";
import { rules as harbor } from "./providers/harbor.js";
import { rules as atlassian } from "./providers/atlassian.js";
import { rules as datadog } from "./providers/datadog.js";
import { rules as newRelic } from "./providers/new-relic.js";
import { rules as sentry } from "./providers/sentry.js";
import { rules as pagerduty } from "./providers/pagerduty.js";
import { rules as heroku } from "./providers/heroku.js";
import { rules as netlify } from "./providers/netlify.js";
import { rules as vercel } from "./providers/vercel.js";
import { rules as cloudflare } from "./providers/cloudflare.js";
import { rules as okta } from "./providers/okta.js";
import { rules as auth0 } from "./providers/auth0.js";
import { rules as databricks } from "./providers/databricks.js";
import { rules as doppler } from "./providers/doppler.js";
import { rules as hashicorp } from "./providers/hashicorp.js";
import { rules as pulumi } from "./providers/pulumi.js";
import { rules as grafana } from "./providers/grafana.js";
import { rules as dynatrace } from "./providers/dynatrace.js";
import { rules as snyk } from "./providers/snyk.js";
import { rules as sonarsource } from "./providers/sonarsource.js";
import { rules as supabase } from "./providers/supabase.js";
import { rules as planetscale } from "./providers/planetscale.js";
import { rules as flyIo } from "./providers/fly-io.js";
import { rules as render } from "./providers/render.js";
import { rules as railway } from "./providers/railway.js";
import { rules as honeycomb } from "./providers/honeycomb.js";
import { rules as sumoLogic } from "./providers/sumo-logic.js";
import { rules as prefect } from "./providers/prefect.js";
import { rules as infracost } from "./providers/infracost.js";
import { rules as scalingo } from "./providers/scalingo.js";
import { rules as age } from "./providers/age.js";
import { rules as launchdarkly } from "./providers/launchdarkly.js";
import { rules as sourcegraph } from "./providers/sourcegraph.js";
import { rules as codecov } from "./providers/codecov.js";
import { rules as onePassword } from "./providers/1password.js";
import { rules as bitwarden } from "./providers/bitwarden.js";
import { rules as tailscale } from "./providers/tailscale.js";
import { rules as tableau } from "./providers/tableau.js";
import { rules as tines } from "./providers/tines.js";
import { rules as ngrok } from "./providers/ngrok.js";
import { rules as confluent } from "./providers/confluent.js";
import { rules as mongodb } from "./providers/mongodb.js";
import { rules as algolia } from "./providers/algolia.js";
import { rules as elastic } from "./providers/elastic.js";
import { rules as adobe } from "./providers/adobe.js";
import { rules as authress } from "./providers/authress.js";
import { rules as clickhouse } from "./providers/clickhouse.js";
import { rules as freemius } from "./providers/freemius.js";
import { rules as harness } from "./providers/harness.js";
import { rules as intra42 } from "./providers/intra42.js";
import { rules as maxmind } from "./providers/maxmind.js";
import { rules as openshift } from "./providers/openshift.js";
import { rules as settlemint } from "./providers/settlemint.js";
import { rules as linear } from "./providers/linear.js";
import { rules as notion } from "./providers/notion.js";
import { rules as airtable } from "./providers/airtable.js";
import { rules as postman } from "./providers/postman.js";
import { rules as figma } from "./providers/figma.js";
import { rules as asana } from "./providers/asana.js";
import { rules as typeform } from "./providers/typeform.js";
import { rules as hubspot } from "./providers/hubspot.js";
import { rules as zendesk } from "./providers/zendesk.js";
import { rules as freshdesk } from "./providers/freshdesk.js";
import { rules as salesforce } from "./providers/salesforce.js";
import { rules as contentful } from "./providers/contentful.js";
import { rules as sanity } from "./providers/sanity.js";
import { rules as storyblok } from "./providers/storyblok.js";
import { rules as strapi } from "./providers/strapi.js";
import { rules as prismic } from "./providers/prismic.js";
import { rules as shippo } from "./providers/shippo.js";
import { rules as easypost } from "./providers/easypost.js";
import { rules as duffel } from "./providers/duffel.js";
import { rules as lob } from "./providers/lob.js";
import { rules as mapbox } from "./providers/mapbox.js";
import { rules as dropbox } from "./providers/dropbox.js";
import { rules as box } from "./providers/box.js";
import { rules as frameIo } from "./providers/frame-io.js";
import { rules as twitch } from "./providers/twitch.js";
import { rules as spotify } from "./providers/spotify.js";
import { rules as segment } from "./providers/segment.js";
import { rules as mixpanel } from "./providers/mixpanel.js";
import { rules as amplitude } from "./providers/amplitude.js";
import { rules as trello } from "./providers/trello.js";
import { rules as clickup } from "./providers/clickup.js";
import { rules as monday } from "./providers/monday.js";
import { rules as readme } from "./providers/readme.js";
import { rules as definedNetworking } from "./providers/defined-networking.js";
import { rules as nats } from "./providers/nats.js";
import { rules as adafruit } from "./providers/adafruit.js";
import { rules as beamer } from "./providers/beamer.js";
import { rules as docusign } from "./providers/docusign.js";
import { rules as yousign } from "./providers/yousign.js";
import { rules as namedKeys } from "./providers/named-keys.js";
import { rules as encoded } from "./providers/encoded.js";
import { rules as dummyValues } from "./providers/dummy-values.js";
import { rules as keyedAM } from "./providers/keyed-a-m.js";
import { rules as keyedNZ } from "./providers/keyed-n-z.js";
import { rules as keyedMore } from "./providers/keyed-more.js";
import { rules as keyedJwt } from "./providers/keyed-jwt.js";
import { rules as privateKeys } from "./private-keys.js";
import { rules as connectionStrings } from "./connection-strings.js";
import { rules as authHeaders } from "./auth-headers.js";
import { rules as jwt } from "./jwt.js";
import { rules as pii } from "./pii.js";

/** Carriers of a credential (a header, a URL, a token envelope): a provider's own format inside wins. */
const structural = (rules: Rule[]): Rule[] => rules.map((rule) => ({ ...rule, priority: rule.priority ?? 1 }));

/** Rules for specific formats, most specific first. The generic and placeholder detectors run apart. */
export const providerRules: readonly Rule[] = [
  ...privateKeys,
  ...aws,
  ...googleCloud,
  ...azure,
  ...azureApiManagement,
  ...azureCacheForRedis,
  ...digitalocean,
  ...alibabaCloud,
  ...ibmCloud,
  ...oracleCloud,
  ...tencentCloud,
  ...scaleway,
  ...linode,
  ...akamai,
  ...hetzner,
  ...vultr,
  ...yandexCloud,
  ...cloudinary,
  ...github,
  ...gitlab,
  ...bitbucket,
  ...geminiExchange,
  ...gitea,
  ...travisCi,
  ...circleci,
  ...buildkite,
  ...drone,
  ...slack,
  ...discord,
  ...telegram,
  ...pubnub,
  ...microsoftTeams,
  ...twilio,
  ...sendgrid,
  ...mailgun,
  ...mailchimp,
  ...postmark,
  ...brevo,
  ...vonage,
  ...messagebird,
  ...plivo,
  ...telnyx,
  ...mattermost,
  ...zulip,
  ...intercom,
  ...pusher,
  ...zoom,
  ...xTwitter,
  ...meta,
  ...lineMessaging,
  ...wechat,
  ...stripe,
  ...square,
  ...paypal,
  ...shopify,
  ...adyen,
  ...razorpay,
  ...plaid,
  ...coinbase,
  ...flutterwave,
  ...paystack,
  ...mollie,
  ...checkoutCom,
  ...gocardless,
  ...wise,
  ...klarna,
  ...openai,
  ...anthropic,
  ...huggingface,
  ...replicate,
  ...groq,
  ...perplexity,
  ...xai,
  ...togetherAi,
  ...fireworks,
  ...elevenlabs,
  ...langchain,
  ...pinecone,
  ...cerebras,
  ...openrouter,
  ...cohere,
  ...mistral,
  ...deepseek,
  ...assemblyai,
  ...deepgram,
  ...azureOpenai,
  ...voyageAi,
  ...stabilityAi,
  ...wandb,
  ...npm,
  ...pypi,
  ...nuget,
  ...rubygems,
  ...cratesIo,
  ...clojars,
  ...packagist,
  ...hex,
  ...dockerHub,
  ...jfrog,
  ...sonatype,
  ...cargo,
  ...anaconda,
  ...quay,
  ...harbor,
  ...atlassian,
  ...datadog,
  ...newRelic,
  ...sentry,
  ...pagerduty,
  ...heroku,
  ...netlify,
  ...vercel,
  ...cloudflare,
  ...okta,
  ...auth0,
  ...databricks,
  ...doppler,
  ...hashicorp,
  ...pulumi,
  ...grafana,
  ...dynatrace,
  ...snyk,
  ...sonarsource,
  ...supabase,
  ...planetscale,
  ...flyIo,
  ...render,
  ...railway,
  ...honeycomb,
  ...sumoLogic,
  ...prefect,
  ...infracost,
  ...scalingo,
  ...age,
  ...launchdarkly,
  ...sourcegraph,
  ...codecov,
  ...onePassword,
  ...bitwarden,
  ...tailscale,
  ...tableau,
  ...tines,
  ...ngrok,
  ...confluent,
  ...mongodb,
  ...algolia,
  ...elastic,
  ...adobe,
  ...authress,
  ...clickhouse,
  ...freemius,
  ...harness,
  ...intra42,
  ...maxmind,
  ...openshift,
  ...settlemint,
  ...linear,
  ...notion,
  ...airtable,
  ...postman,
  ...figma,
  ...asana,
  ...typeform,
  ...hubspot,
  ...zendesk,
  ...freshdesk,
  ...salesforce,
  ...contentful,
  ...sanity,
  ...storyblok,
  ...strapi,
  ...prismic,
  ...shippo,
  ...easypost,
  ...duffel,
  ...lob,
  ...mapbox,
  ...dropbox,
  ...box,
  ...frameIo,
  ...twitch,
  ...spotify,
  ...segment,
  ...mixpanel,
  ...amplitude,
  ...trello,
  ...clickup,
  ...monday,
  ...readme,
  ...definedNetworking,
  ...nats,
  ...adafruit,
  ...beamer,
  ...docusign,
  ...yousign,
  ...namedKeys,
  ...encoded,
  ...dummyValues,
  ...keyedAM,
  ...keyedNZ,
  ...keyedMore,
  ...keyedJwt,
  ...structural(connectionStrings),
  ...structural(authHeaders),
  ...structural(jwt),
  ...pii,
];
