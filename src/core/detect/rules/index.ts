import type { Rule } from "../rule.js";
import { rules as aws } from "./providers/aws.js";
import { rules as googleCloud } from "./providers/google-cloud.js";
import { rules as azure } from "./providers/azure.js";
import { rules as digitalocean } from "./providers/digitalocean.js";
import { rules as alibabaCloud } from "./providers/alibaba-cloud.js";
import { rules as ibmCloud } from "./providers/ibm-cloud.js";
import { rules as oracleCloud } from "./providers/oracle-cloud.js";
import { rules as tencentCloud } from "./providers/tencent-cloud.js";
import { rules as scaleway } from "./providers/scaleway.js";
import { rules as linode } from "./providers/linode.js";
import { rules as hetzner } from "./providers/hetzner.js";
import { rules as vultr } from "./providers/vultr.js";
import { rules as yandexCloud } from "./providers/yandex-cloud.js";
import { rules as cloudinary } from "./providers/cloudinary.js";
import { rules as codeHosting } from "./providers/code-hosting.js";
import { rules as messaging } from "./providers/messaging.js";
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
import { rules as ai } from "./providers/ai.js";
import { rules as registries } from "./providers/registries.js";
import { rules as saasDevops } from "./providers/saas-devops.js";
import { rules as saasApps } from "./providers/saas-apps.js";
import { rules as namedKeys } from "./providers/named-keys.js";
import { rules as encoded } from "./providers/encoded.js";
import { rules as dummyValues } from "./providers/dummy-values.js";
import { rules as keyedAM } from "./providers/keyed-a-m.js";
import { rules as keyedNZ } from "./providers/keyed-n-z.js";
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
  ...digitalocean,
  ...alibabaCloud,
  ...ibmCloud,
  ...oracleCloud,
  ...tencentCloud,
  ...scaleway,
  ...linode,
  ...hetzner,
  ...vultr,
  ...yandexCloud,
  ...cloudinary,
  ...codeHosting,
  ...messaging,
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
  ...ai,
  ...registries,
  ...saasDevops,
  ...saasApps,
  ...namedKeys,
  ...encoded,
  ...dummyValues,
  ...keyedAM,
  ...keyedNZ,
  ...structural(connectionStrings),
  ...structural(authHeaders),
  ...structural(jwt),
  ...pii,
];
