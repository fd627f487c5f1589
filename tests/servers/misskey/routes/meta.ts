import { castFields, endpoint, type Endpoint } from '../api';
import { policies } from '../entities';
import { checkBoolean } from '../params';
import type { Runtime } from '../runtime';

// `meta` (MetaEntityService.pack / packDetailed): the limits a client must respect are
// maxNoteTextLength (Misskey's MAX_NOTE_TEXT_LENGTH), maxFileSize (config) and the role policies.

function metaLite(rt: Runtime) {
  const { options } = rt;
  return {
    maintainerName: null,
    maintainerEmail: null,
    version: options.version,
    providesTarball: false,
    name: options.name,
    shortName: null,
    uri: rt.baseUrl,
    description: 'A Misskey test server on 127.0.0.1.',
    langs: [],
    tosUrl: null,
    repositoryUrl: 'https://github.com/misskey-dev/misskey',
    feedbackUrl: 'https://github.com/misskey-dev/misskey/issues/new',
    impressumUrl: null,
    privacyPolicyUrl: null,
    inquiryUrl: null,
    disableRegistration: true,
    emailRequiredForSignup: false,
    enableHcaptcha: false,
    hcaptchaSiteKey: null,
    enableMcaptcha: false,
    mcaptchaSiteKey: null,
    mcaptchaInstanceUrl: null,
    enableRecaptcha: false,
    recaptchaSiteKey: null,
    enableTurnstile: false,
    turnstileSiteKey: null,
    enableTestcaptcha: false,
    googleAnalyticsMeasurementId: null,
    swPublickey: null,
    themeColor: null,
    mascotImageUrl: '/assets/ai.png',
    bannerUrl: null,
    infoImageUrl: null,
    serverErrorImageUrl: null,
    notFoundImageUrl: null,
    iconUrl: null,
    backgroundImageUrl: null,
    logoImageUrl: null,
    maxNoteTextLength: options.maxNoteTextLength,
    defaultLightTheme: null,
    defaultDarkTheme: null,
    clientOptions: {},
    ads: [],
    notesPerOneAd: 0,
    enableEmail: false,
    enableServiceWorker: false,
    translatorAvailable: false,
    serverRules: [],
    policies: policies(rt),
    sentryForFrontend: null,
    mediaProxy: `${rt.baseUrl}/proxy`,
    enableUrlPreview: true,
    noteSearchableScope: 'local',
    maxFileSize: options.maxFileSize,
    federation: 'all',
  };
}

const meta = endpoint({
  name: 'meta',
  allowGet: true,
  handler({ rt, params }) {
    // A GET's query arrives as strings, which ApiCallService casts for the schema.
    castFields(params, { detail: 'boolean' });
    checkBoolean(params, 'detail', true);
    const lite = metaLite(rt);
    if (params.detail === false) return lite;
    return {
      ...lite,
      cacheRemoteFiles: false,
      cacheRemoteSensitiveFiles: false,
      requireSetup: false,
      proxyAccountName: 'proxy',
      features: {
        localTimeline: true,
        globalTimeline: true,
        registration: false,
        emailRequiredForSignup: false,
        hcaptcha: false,
        recaptcha: false,
        turnstile: false,
        objectStorage: false,
        serviceWorker: false,
        miauth: true,
      },
    };
  },
});

/** The meta endpoint. */
export const metaEndpoints: Endpoint[] = [meta];
