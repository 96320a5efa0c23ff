import { expect } from '@open-wc/testing';
import { type Component, type Notice, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { builtInSources } from '../src/sources/index.js';
import { FIXTURES, payloadOf } from '../../../test/helpers/fixtures.mjs';
import { plainTextProblem } from '../../../test/helpers/snapshot-shape.mjs';
import { loadFixture } from '../../../test/helpers/status-server.js';

// Payloads are mutated freely in these tests; every test loads its own copy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Row = [id: string, name: string, status: Component['status'], group?: string | string[]];
interface Expected {
  indicator: StatusSnapshot['indicator'];
  page: StatusSnapshot['page'];
  notices: Notice[];
  /** `[id, name, status]`, then the group a child names, or a group's children. */
  components: Row[];
}

/**
 * Every fixture, read at its moment, in full: the notices field by field (times in UTC), the indicator, the
 * page and every component. The quirks behind each line have tests of their own below.
 */
const EXPECTED: Record<string, Expected> = {
  'real/statuspage/cloudamqp-summary-maintenance-in-progress-2020-07-16.json': {
    indicator: 'maintenance',
    page: {name: "CloudAMQP", url: "https://status.cloudamqp.com/"},
    notices: [
      {id: "qy6n39trpl7l", kind: "maintenance", title: "Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”", severity: "maintenance", phase: "in_progress", componentIds: ["m9jl6sdbs4vb"], revision: "vgtxddng45wq:maintenance", message: "Scheduled maintenance is currently in progress. We will provide updates as necessary.", updatedAt: "2020-07-16T21:10:37.506Z", startedAt: "2020-07-09T23:37:08.373Z", scheduledStart: "2020-07-16T21:00:00.000Z", scheduledEnd: "2020-07-16T23:00:00.000Z", url: "http://stspg.io/3crfld0dxr87"},
    ],
    components: [
      ["m9jl6sdbs4vb", "Shared servers", "maintenance"],
      ["8znl1vrnsx4h", "Dedicated servers", "operational"],
      ["98p3hvfxsy3f", "Backend", "operational"],
      ["pq5t8fffqs97", "Metrics", "operational"],
      ["40lcs5t2s5gn", "Heroku", "operational"],
      ["1k3xg4mbpll3", "AWS route53", "operational"],
      ["rqspk9wgbzd0", "Help Scout Email Processing", "operational"],
      ["nn1d281s201s", "AWS ec2-ap-northeast-1", "operational"],
      ["byqy2ynqq3sn", "AWS ec2-ap-northeast-2", "operational"],
      ["1x8wpmjvsbc5", "AWS ec2-ap-southeast-1", "operational"],
      ["ljhst81x9k7h", "AWS ec2-ap-southeast-2", "operational"],
      ["lwt2g2kf9t13", "AWS ec2-ca-central-1", "operational"],
      ["4gnsvb8sv1fh", "AWS ec2-eu-central-1", "operational"],
      ["bwn9rnxz76kg", "AWS ec2-eu-west-1", "operational"],
      ["rxjz6hb3k64l", "AWS ec2-eu-west-2", "operational"],
      ["nvtyshc23s70", "AWS ec2-eu-west-3", "operational"],
      ["24tqp1qhl5zq", "AWS ec2-sa-east-1", "operational"],
      ["4tmrjr8194m0", "AWS ec2-us-east-1", "operational"],
      ["wb9j33lh8pzt", "AWS ec2-us-east-2", "operational"],
      ["z4wj8chrzwvq", "AWS ec2-us-gov-west-1", "operational"],
      ["txy6d07s0wf7", "AWS ec2-us-west-1", "operational"],
      ["y585bnwzvdt8", "AWS ec2-us-west-2", "operational"],
      ["l7qjkl13dnmq", "Google Cloud Platform Google Compute Engine", "operational"],
    ],
  },
  'real/statuspage/emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json': {
    indicator: 'none',
    page: {name: "Emma", url: "https://status.myemma.com/"},
    notices: [],
    components: [],
  },
  'real/statuspage/githubstatus-components-trimmed-2024-09-17.json': {
    indicator: 'none',
    page: {name: "GitHub", url: "https://www.githubstatus.com/"},
    notices: [],
    components: [
      ["8l4ygp009s5s", "Git Operations", "operational"],
      ["4230lsnqdsld", "Webhooks", "operational"],
    ],
  },
  'real/statuspage/githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json': {
    indicator: 'none',
    page: {name: "GitHub", url: "https://www.githubstatus.com/"},
    notices: [],
    components: [],
  },
  'real/statuspage/githubstatus-summary-all-operational-2019-12-30.json': {
    indicator: 'none',
    page: {name: "GitHub", url: "https://www.githubstatus.com/"},
    notices: [],
    components: [
      ["8l4ygp009s5s", "Git Operations", "operational"],
      ["brv1bkgrwx7q", "API Requests", "operational"],
      ["4230lsnqdsld", "Webhooks", "operational"],
      ["0l2p9nhqnxpd", "Visit www.githubstatus.com for more information", "operational"],
      ["kr09ddfgbfsf", "Issues, PRs, Projects", "operational"],
      ["br0l2tvcx85d", "GitHub Actions", "operational"],
      ["st3j38cctv9l", "GitHub Packages", "operational"],
      ["vg70hn9s2tyj", "GitHub Pages", "operational"],
      ["5l5rlzqm4yzy", "Other", "operational"],
    ],
  },
  'real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json': {
    indicator: 'major',
    page: {name: "GitHub", url: "https://www.githubstatus.com/"},
    notices: [
      {id: "80d0cs6kpsps", kind: "incident", title: "Incident on 2020-04-02 20:20 UTC", severity: "major", phase: "investigating", componentIds: ["0l2p9nhqnxpd"], revision: "yqsdhyw44qzj:major", message: "We are investigating reports of service unavailability.", updatedAt: "2020-04-02T20:26:36.354Z", startedAt: "2020-04-02T20:20:54.005Z", url: "http://stspg.io/n0wskg2n6bvy"},
    ],
    components: [
      ["8l4ygp009s5s", "Git Operations", "major_outage"],
      ["brv1bkgrwx7q", "API Requests", "major_outage"],
      ["4230lsnqdsld", "Webhooks", "major_outage"],
      ["0l2p9nhqnxpd", "Visit www.githubstatus.com for more information", "operational"],
      ["kr09ddfgbfsf", "Issues, PRs, Projects", "major_outage"],
      ["br0l2tvcx85d", "GitHub Actions", "partial_outage"],
      ["st3j38cctv9l", "GitHub Packages", "major_outage"],
      ["vg70hn9s2tyj", "GitHub Pages", "operational"],
      ["5l5rlzqm4yzy", "Other", "operational"],
    ],
  },
  'real/statuspage/htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json': {
    indicator: 'minor',
    page: {name: "HTX", url: "https://status.huobigroup.com/"},
    notices: [
      {id: "rclfxz2g21ly", kind: "incident", title: "Market data is delayed", severity: "minor", phase: "investigating", componentIds: ["nctwm9tghxh6"], revision: "dwfsk5ttyvtb:minor", message: "Market data is delayed", updatedAt: "2020-02-11T03:15:02.000Z", startedAt: "2020-02-11T03:15:01.906Z", url: "http://stspg.io/pkvbwp8jppf9"},
    ],
    components: [
      ["h028tnzw1n5l", "Deposit", "operational", "gtd0nyr3pf0k"],
    ],
  },
  'real/statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json': {
    indicator: 'minor',
    page: {name: "Twilio", url: "https://status.twilio.com/"},
    notices: [
      {id: "4dtnnnnxnhn9", kind: "incident", title: "SMS Delivery Delays to Mozambique Movitel", severity: "minor", phase: "investigating", componentIds: ["kqr83rygcwwf"], revision: "xj230q3zv0mm:minor", message: "We are continuing to investigate this issue.", updatedAt: "2020-06-16T21:00:29.019Z", startedAt: "2020-06-16T20:27:41.521Z", url: "http://stspg.io/q363nfb5wg00"},
      {id: "r0f0vdz8vrgm", kind: "incident", title: "SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint", severity: "minor", phase: "monitoring", componentIds: ["yvvy3vlp4djf", "d1j2nx64rpq3", "h0fl7prwfhvm", "39mb8cmw8y2v"], revision: "n9hk209qxd9c:minor", message: "We have started seeing recovery for SMS from a subset of Twilio Short Codes to US Sprint. We will continue to monitor to ensure a full recovery.", updatedAt: "2020-06-16T19:09:47.174Z", startedAt: "2020-06-16T13:41:44.672Z", url: "http://stspg.io/xwv6rz0r1yll"},
      {id: "9szb6ydlg10w", kind: "maintenance", title: "[Scheduled] SMS Carrier Maintenance - Tele2 Russia", severity: "maintenance", phase: "scheduled", componentIds: ["llgdln3dcs6p"], revision: "16rg2vp3d0m8:maintenance", message: "The Tele2 mobile network in Russia will be conducting a maintenance on their SMS platform, Tuesday, June 16 16:00 - Tuesday, June 16 20:00 PDT. During this maintenance window, there could be intermittent delays delivering their SMS sent to Tele2 handsets, as well as message status events.", updatedAt: "2020-06-15T16:03:51.961Z", startedAt: "2020-06-15T16:03:51.896Z", scheduledStart: "2020-06-16T23:00:00.000Z", scheduledEnd: "2020-06-17T03:00:00.000Z", url: "http://stspg.io/rn0vdmd9brxy"},
      {id: "pdjdlgl6w07h", kind: "maintenance", title: "SMS Carrier Maintenance - AT&T US", severity: "maintenance", phase: "scheduled", componentIds: ["39mb8cmw8y2v", "7d8w22hqrh6s"], revision: "j5lxqbqcl87b:maintenance", message: "The AT&T network in the US is conducting a scheduled maintenance from 16 June 2020 at 21:00 PDT until 17 June 2020 at 04:00 PDT. During the maintenance window, there could be intermittent delays delivering SMS to and from AT&T US handsets via US shortcodes and US longcodes.", updatedAt: "2020-06-11T03:23:56.654Z", startedAt: "2020-06-11T03:23:56.581Z", scheduledStart: "2020-06-17T04:00:00.000Z", scheduledEnd: "2020-06-17T11:00:00.000Z", url: "http://stspg.io/rcf1tztngn4l"},
    ],
    components: [
      ["s2k3h0mkqnth", "PROGRAMMABLE MESSAGING", "degraded", ["d1j2nx64rpq3", "yvvy3vlp4djf", "pf1lb8dq2g3b", "1gkv0mxhzsjv", "5bv1plmydbzf", "2vs63pk0qq23"]],
      ["7c6yv3vctfqv", "Studio", "operational", "m8p285mfbblr"],
      ["mq9q3ytpkyfz", "Authy 2FA", "operational", "vz5v126ykmgd"],
      ["b9z92qjr2p04", "TaskRouter", "operational", "p750yl3t5mwk"],
      ["ys1jhy2ys04z", "Group Rooms", "operational", "31pkbykrvbwr"],
      ["g2dt752kwqs0", "PSTN", "operational", "j3s4w3gnsj08"],
      ["7d8w22hqrh6s", "SMS Long Code, North America", "operational", "j8hlnyphbbs0"],
      ["b3tl520cz8tc", "Functions", "operational", "m8p285mfbblr"],
      ["whldrk77jnm4", "Verify", "operational", "vz5v126ykmgd"],
      ["q015c7mrst1s", "Peer-to-Peer Rooms", "operational", "31pkbykrvbwr"],
      ["8vdlvw3dsq8h", "MMS Long Code, North America", "operational", "j8hlnyphbbs0"],
      ["w7nxj548smhd", "SIP Interface", "operational", "j3s4w3gnsj08"],
      ["j3s4w3gnsj08", "PROGRAMMABLE VOICE", "operational", ["g2dt752kwqs0", "w7nxj548smhd", "x6drb5vw27bs", "6f5zbh4rqx3m", "l2p2s96tdsf4", "frxynt0ffp5w", "tfdww2zxylgd", "dv0j99s68yxn", "86c0cvzk43pv", "xnzrm2zg4qbv", "yf5px6tdl6yt", "361mb56zmf8z"]],
      ["q4d7rj555ljl", "Flex Application Platform", "operational", "p750yl3t5mwk"],
      ["ld8ss4pqqskp", "Assets", "operational", "m8p285mfbblr"],
      ["39mb8cmw8y2v", "SMS Short Code, North America", "degraded", "j8hlnyphbbs0"],
      ["vz5v126ykmgd", "AUTHY", "operational", ["mq9q3ytpkyfz", "whldrk77jnm4", "txt6v4g6pv74", "xk8z50jy8hcs"]],
      ["txt6v4g6pv74", "Authy App", "operational", "vz5v126ykmgd"],
      ["x6drb5vw27bs", "Client Web", "operational", "j3s4w3gnsj08"],
      ["vd76z27sk12v", "Recordings", "operational", "31pkbykrvbwr"],
      ["lv1md8v28lhr", "Flex WFO", "operational", "p750yl3t5mwk"],
      ["6f5zbh4rqx3m", "Client Mobile", "operational", "j3s4w3gnsj08"],
      ["0xfc03jgk5g4", "Compositions", "operational", "31pkbykrvbwr"],
      ["vyjjd8kdb7vq", "TwiML Bins", "operational", "m8p285mfbblr"],
      ["365164svr9y3", "AUTOPILOT", "operational"],
      ["xk8z50jy8hcs", "Lookup", "operational", "vz5v126ykmgd"],
      ["jw9dh2mf4392", "Billing", "operational", "t26k1dqws96h"],
      ["h0fl7prwfhvm", "MMS Short Code, North America", "degraded", "j8hlnyphbbs0"],
      ["jncbcddlmbhn", "Network Traversal Service", "operational", "31pkbykrvbwr"],
      ["32f2bm54nkvv", "SMS Toll-Free, North America", "operational", "j8hlnyphbbs0"],
      ["f7f727f39kx3", "ELASTIC SIP TRUNKING", "operational"],
      ["6ltxq62mkxd0", "Debugger & Alerts", "operational", "t26k1dqws96h"],
      ["l2p2s96tdsf4", "Conference", "operational", "j3s4w3gnsj08"],
      ["qf1ppcsw1jvh", "Sync", "operational", "m8p285mfbblr"],
      ["p750yl3t5mwk", "FLEX", "operational", ["b9z92qjr2p04", "q4d7rj555ljl", "lv1md8v28lhr"]],
      ["42zx9w2kmtvf", "SMS, Latin America", "operational", "j8hlnyphbbs0"],
      ["frxynt0ffp5w", "Recording", "operational", "j3s4w3gnsj08"],
      ["b81y83zrvglj", "Documentation", "operational", "t26k1dqws96h"],
      ["tfdww2zxylgd", "Queue", "operational", "j3s4w3gnsj08"],
      ["8qjql0kqnd33", "SMS, APAC", "operational", "j8hlnyphbbs0"],
      ["hjfntfyhnn4l", "INTERCONNECT", "operational"],
      ["pv5w18vrltfl", "PHONE NUMBERS", "operational"],
      ["g4hs7h64k9fv", "Console", "operational", "t26k1dqws96h"],
      ["dv0j99s68yxn", "Text-to-Speech", "operational", "j3s4w3gnsj08"],
      ["llgdln3dcs6p", "SMS, Europe", "operational", "j8hlnyphbbs0"],
      ["rk4qzxxbwj7t", "PROGRAMMABLE CHAT", "operational"],
      ["kqr83rygcwwf", "SMS, Middle East & Africa", "degraded", "j8hlnyphbbs0"],
      ["4rv9xfxmdjg9", "REST API", "operational", "t26k1dqws96h"],
      ["86c0cvzk43pv", "Recording Transcriptions", "operational", "j3s4w3gnsj08"],
      ["xv01vfp8wvs4", "Customer Support Center", "operational", "t26k1dqws96h"],
      ["d45ln4xrxmz4", "PROGRAMMABLE FAX", "operational"],
      ["3gldc48hcg8l", "SMS Delivery Notifications & Status Callbacks", "operational", "j8hlnyphbbs0"],
      ["xnzrm2zg4qbv", "TwiML", "operational", "j3s4w3gnsj08"],
      ["d1j2nx64rpq3", "MMS", "degraded", "s2k3h0mkqnth"],
      ["m5b6twz4h52d", "Other", "operational", "t26k1dqws96h"],
      ["yf5px6tdl6yt", "Voice Insights", "operational", "j3s4w3gnsj08"],
      ["2v3v92mz2m4h", "Voice, North America", "operational", "j8hlnyphbbs0"],
      ["31pkbykrvbwr", "PROGRAMMABLE VIDEO", "operational", ["ys1jhy2ys04z", "q015c7mrst1s", "vd76z27sk12v", "0xfc03jgk5g4", "jncbcddlmbhn"]],
      ["fbtv2g9t3z25", "Voice, Latin America", "operational", "j8hlnyphbbs0"],
      ["yvvy3vlp4djf", "SMS", "operational", "s2k3h0mkqnth"],
      ["361mb56zmf8z", "Speech Recognition", "operational", "j3s4w3gnsj08"],
      ["s634psjy0hvs", "PROGRAMMABLE WIRELESS", "operational"],
      ["pf1lb8dq2g3b", "SMPP", "operational", "s2k3h0mkqnth"],
      ["54ft7xt1tqmm", "PROXY", "operational"],
      ["50pr269zqrwj", "Voice, APAC", "operational", "j8hlnyphbbs0"],
      ["bnzggd37p61w", "Voice, Europe", "operational", "j8hlnyphbbs0"],
      ["m8p285mfbblr", "SERVERLESS", "operational", ["7c6yv3vctfqv", "b3tl520cz8tc", "ld8ss4pqqskp", "vyjjd8kdb7vq", "qf1ppcsw1jvh"]],
      ["1gkv0mxhzsjv", "Channels", "operational", "s2k3h0mkqnth"],
      ["6ns22g89f6g9", "Voice, Middle East & Africa", "operational", "j8hlnyphbbs0"],
      ["5bv1plmydbzf", "Notify", "operational", "s2k3h0mkqnth"],
      ["t26k1dqws96h", "TWILIO PLATFORM", "operational", ["jw9dh2mf4392", "6ltxq62mkxd0", "b81y83zrvglj", "g4hs7h64k9fv", "4rv9xfxmdjg9", "xv01vfp8wvs4", "m5b6twz4h52d"]],
      ["2vs63pk0qq23", "Conversations", "operational", "s2k3h0mkqnth"],
      ["j8hlnyphbbs0", "CARRIER NETWORK", "degraded", ["7d8w22hqrh6s", "8vdlvw3dsq8h", "39mb8cmw8y2v", "h0fl7prwfhvm", "32f2bm54nkvv", "42zx9w2kmtvf", "8qjql0kqnd33", "llgdln3dcs6p", "kqr83rygcwwf", "3gldc48hcg8l", "2v3v92mz2m4h", "fbtv2g9t3z25", "50pr269zqrwj", "bnzggd37p61w", "6ns22g89f6g9"]],
    ],
  },
  'real/statuspage/docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json': {
    indicator: 'major',
    page: {name: "GitHub", url: "https://www.githubstatus.com/"},
    notices: [
      {id: "cp306tmzcl0y", kind: "incident", title: "Unplanned Database Outage", severity: "critical", phase: "identified", componentIds: [], revision: "jdy3tw5mt5r5:critical", message: "Our master database has ham sandwiches flying out of the rack, and we're working our hardest to stop the bleeding. The whole site is down while we restore functionality, and we'll provide another update within 30 minutes.", updatedAt: "2014-05-14T20:22:40.301Z", startedAt: "2014-05-14T20:22:39.441Z", url: "http://stspg.co:5000/Q0E"},
      {id: "k7mf5z1gz05c", kind: "maintenance", title: "Web Tier Recycle", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "drs62w8df6fs:maintenance", message: "Scheduled maintenance is currently in progress. We will provide updates as necessary.", updatedAt: "2014-05-14T20:34:20.036Z", startedAt: "2014-05-14T20:27:17.303Z", scheduledStart: "2014-05-14T20:30:00.000Z", scheduledEnd: "2014-05-14T22:30:00.000Z", url: "http://stspg.co:5000/Q0G"},
    ],
    components: [
      ["b13yz5g2cw10", "API", "partial_outage"],
      ["9397cnvk62zn", "Management Portal", "major_outage"],
    ],
  },
  'real/statusio/docker-status-partial-disruption-1-incident-2020-07-16.json': {
    indicator: 'major',
    page: {},
    notices: [
      {id: "5f108cc06e9c9104c0553a46", kind: "incident", title: "Docker Hub automated builds issue", severity: "major", phase: "investigating", componentIds: ["5342bc9420974b775d000008"], revision: "2020-07-16T17:22:08.369Z:major", message: "We are investigating reports of automated builds getting stuck or not getting triggered.", updatedAt: "2020-07-16T17:22:08.369Z", startedAt: "2020-07-16T17:22:08.325Z"},
    ],
    components: [
      ["582c71aa40855b4d0e000240", "Docker Package Repositories", "operational"],
      ["533c6539221ae15e3f000040", "Docker Hub Web", "operational"],
      ["5342d1b837768a325c00000b", "Docker Hub Registry", "operational"],
      ["5342bc9420974b775d000008", "Docker Hub Automated Builds", "partial_outage"],
      ["53a1c83e814a437c5a00075a", "Docker.com Web", "operational"],
      ["5347131d545b2f12640000bc", "Docker Docs", "operational"],
      ["55b15ea10a54eb8c71000ebf", "Docker Community Forums", "operational"],
      ["57f296dbe1401094660008e1", "Docker Support Site", "operational"],
    ],
  },
  'real/statusio/gitlab-status-active-maintenance-2020-09-05.json': {
    indicator: 'maintenance',
    page: {},
    notices: [
      {id: "5f52b8074ef75804bc7d2c3e", kind: "incident", title: "500 Error - User Notification Settings", severity: "major", phase: "identified", componentIds: ["5b36dc6502d06804c0834a07"], revision: "2020-09-05T09:23:23.591Z:major", message: "We've determined that the error when attempting to view personal notification settings only occurs when the user is a member of a subgroup whose parent group no longer exists.\n\nA fix will be deployed in the next window on 2020-09-07.\n\nTracking in: https://gitlab.com/gitlab-com/gl-infra/production/-/issues/2664", updatedAt: "2020-09-05T09:23:23.591Z", startedAt: "2020-09-04T21:56:00.000Z"},
      {id: "5f4e8b7f2250a004bc3453da", kind: "maintenance", title: "Maintenance on dashboards.gitlab.com", severity: "maintenance", phase: "in_progress", componentIds: ["5f4e8819413cdd04b6882c94"], revision: "2020-09-05T09:38:00.000Z:maintenance", message: "We are currently performing maintenance on dashboards.gitlab.com.\n\nThe public dashboards will be unavailable during this time.\n\nAll other systems are operational.", updatedAt: "2020-09-05T09:38:00.000Z", startedAt: "2020-09-01T17:57:19.597Z", scheduledStart: "2020-09-02T17:55:00.000Z", scheduledEnd: "2020-09-07T17:55:00.000Z"},
    ],
    components: [
      ["5b36dc6502d06804c0834a07", "Website", "operational"],
      ["5b36e05f02d06804c0834a09", "API", "operational"],
      ["5d2f74932676bc45e4927ead", "Git (ssh and https)", "operational"],
      ["5b371ffc1d4f0004bf746dbf", "Pages", "operational"],
      ["5b36e07afc1f0804be9d754d", "Registry", "operational"],
      ["5b36e06c633e9004b3d624ad", "CI/CD", "operational"],
      ["5b371ff2ab905c04b1de922e", "Background Processing", "operational"],
      ["5c38362c5495bf472f8dfbae", "Support Services", "operational"],
      ["5c7d5bb83efc3204ba5f53c3", "packages.gitlab.com", "operational"],
      ["5d02cb79b2e5f00a022b5fb4", "customers.gitlab.com", "operational"],
      ["5d31c2f251014050f413e808", "version.gitlab.com", "operational"],
      ["5d93c0defdc75b69cf385b1f", "forum.gitlab.com", "operational"],
      ["5e29c1403f4deb04c0d7f035", "Windows Runners (beta)", "operational"],
      ["5ed145987f9dc304bf8a9164", "Canary", "operational"],
      ["5f4e8819413cdd04b6882c94", "dashboards.gitlab.com", "maintenance"],
    ],
  },
  'real/statusio/gitlab-status-security-issue-600-2020-02-09.json': {
    indicator: 'critical',
    page: {},
    notices: [
      {id: "5e3d877d593d1b04c4620561", kind: "incident", title: "https://gitlab.com/gitlab-com/gl-infra/production/issues/1635", severity: "critical", phase: "identified", componentIds: ["5b36dc6502d06804c0834a07", "5b36e05f02d06804c0834a09", "5d2f74932676bc45e4927ead", "5b36e07afc1f0804be9d754d", "5b36e06c633e9004b3d624ad"], revision: "2020-02-09T18:42:33.493Z:critical", message: "We are continuing to develop and test a fix for the issue regarding a bug in the feature to allow groups to be shared with groups. Please continue to follow updates in gitlab.com/gitlab-com/gl-infra/production/issues/1635.", updatedAt: "2020-02-09T18:42:33.493Z", startedAt: "2020-02-07T15:51:25.249Z"},
    ],
    components: [
      ["5b36dc6502d06804c0834a07", "Website", "unknown"],
      ["5b36e05f02d06804c0834a09", "API", "unknown"],
      ["5d2f74932676bc45e4927ead", "Git (ssh and https)", "unknown"],
      ["5b371ffc1d4f0004bf746dbf", "Pages", "operational"],
      ["5b36e07afc1f0804be9d754d", "Registry", "unknown"],
      ["5b36e06c633e9004b3d624ad", "CI/CD", "unknown"],
      ["5b371ff2ab905c04b1de922e", "Background Processing", "operational"],
      ["5c38362c5495bf472f8dfbae", "Support Services", "operational"],
      ["5c7d5bb83efc3204ba5f53c3", "packages.gitlab.com", "operational"],
      ["5d02cb79b2e5f00a022b5fb4", "customers.gitlab.com", "operational"],
      ["5d31c2f251014050f413e808", "version.gitlab.com", "operational"],
      ["5d93c0defdc75b69cf385b1f", "forum.gitlab.com", "operational"],
      ["5e29c1403f4deb04c0d7f035", "Windows Runners (beta)", "operational"],
    ],
  },
  'real/uptimekuma/status-page-dashboard-1x-incident-null-unraid-2026-09-30.json': {
    indicator: 'none',
    page: {name: "Dashboard"},
    notices: [],
    components: [
      ["group:1", "Dienste", "unknown", ["1"]],
      ["1", "Unraid", "unknown", "group:1"],
    ],
  },
  'real/uptimekuma/heartbeat-dashboard-naive-timestamps-2026-09-30.json': {
    indicator: 'none',
    page: {},
    notices: [],
    components: [
      ["1", "1", "operational"],
    ],
  },
  'real/cachet/cachet-3x-demo-incidents-investigating-and-fixed-2024-10-27.json': {
    indicator: 'minor',
    page: {},
    notices: [
      {id: "2", kind: "incident", title: "Documentation Performance Degradation", severity: "minor", phase: "investigating", componentIds: [], revision: "2024-10-27T08:31:59.000Z:minor", message: "We're investigating an issue with our documentation causing the site to be slow.", updatedAt: "2024-10-27T08:31:59.000Z", startedAt: "2024-10-27T08:31:59.000Z"},
    ],
    components: [],
  },
  'real/instatus/instatus-v1-summary-docs-recorded-investigating-incident-and-maintenance-2022-06-11.json': {
    indicator: 'critical',
    page: {name: "Instatus", url: "https://instat.us/"},
    notices: [
      {id: "cl4a8n3070721qtmzvts760c4", kind: "incident", title: "We're facing an issue with our API", severity: "critical", phase: "investigating", componentIds: [], revision: "INVESTIGATING:MAJOROUTAGE:", updatedAt: "2022-06-11T18:55:50.000Z", startedAt: "2022-06-11T18:55:50.000Z", url: "https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4"},
      {id: "cl4a8nlv50918qtmzdlw60ivu", kind: "maintenance", title: "Database maintenance", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "NOTSTARTEDYET:", startedAt: "2022-06-11T18:55:54.000Z", scheduledStart: "2022-06-11T18:55:54.000Z", scheduledEnd: "2022-06-11T19:55:54.000Z", url: "https://testing-widget.instatus.com/maintenance/cl4a8nlv50918qtmzdlw60ivu"},
    ],
    components: [],
  },
  'real/other/heroku-status-current-open-incident-2019-10-24.json': {
    indicator: 'minor',
    page: {name: "Heroku", url: "https://status.heroku.com/"},
    notices: [
      {id: "1918", kind: "incident", title: "Connection timeouts to applications and Heroku Postgres", severity: "minor", phase: "identified", componentIds: [], revision: "6091:minor", message: "Due to connection timeouts there is a disruption of multiple services such as releases, scaling dynos, Heroku Dashboard, etc.\n\nCustomer applications and add-on services including Heroku Postgres are also being impacted by connection timeouts.", updatedAt: "2019-10-24T18:49:47.743Z", startedAt: "2019-10-24T18:39:30.231Z", url: "https://status.heroku.com/incidents/1918"},
    ],
    components: [
      ["Apps", "Apps", "degraded"],
      ["Data", "Data", "degraded"],
      ["Tools", "Tools", "degraded"],
    ],
  },
  'real/other/heroku-status-current-completed-maintenance-2020-11-09.json': {
    indicator: 'maintenance',
    page: {name: "Heroku", url: "https://status.heroku.com/"},
    notices: [],
    components: [
      ["Apps", "Apps", "operational"],
      ["Data", "Data", "maintenance"],
      ["Tools", "Tools", "operational"],
    ],
  },
  'real/other/slack-status-v2-current-2-active-incidents-2020-07-30.json': {
    indicator: 'minor',
    page: {name: "Slack", url: "https://slack-status.com/"},
    notices: [
      {id: "878", kind: "incident", title: "We are investigating an issue with notification settings", severity: "minor", phase: "unknown", componentIds: ["Notifications"], revision: "2020-07-30T22:12:34.000Z:minor", message: "Some users might notice that their notifications settings for mobile are not being respected. We are taking a look and hope to have more news soon.", updatedAt: "2020-07-30T22:12:34.000Z", startedAt: "2020-07-30T22:12:34.000Z", url: "https://status.slack.com/2020-07/ea58a170d343b2ad"},
      {id: "879", kind: "incident", title: "We're looking into an issue with certain API calls", severity: "minor", phase: "unknown", componentIds: ["Apps/Integrations/APIs"], revision: "2020-07-24T17:45:08.000Z:minor", message: "We're currently aware of some intermittent latency and timeouts with image attachments, certain API methods (including users.setPhoto, chat.postMessage and chat.update, views.*), and apps which use these features. We are currently investigating and will update when we believe these issues have been resolved. Sorry for the inconvenience.", updatedAt: "2020-07-24T17:45:08.000Z", startedAt: "2020-07-24T17:45:08.000Z", url: "https://status.slack.com/2020-07/7d32ad54b0703c47"},
    ],
    components: [
      ["Notifications", "Notifications", "degraded"],
      ["Apps/Integrations/APIs", "Apps/Integrations/APIs", "degraded"],
    ],
  },
  'real/slack/slack-status-v2-history-1-active-html-notes-4-resolved-2026-08-18.json': {
    indicator: 'minor',
    page: {name: "Slack", url: "https://slack-status.com/"},
    notices: [
      {id: "1576", kind: "incident", title: "Trouble Accessing Historical Messages With Custom Data Retention Policies Enabled", severity: "minor", phase: "unknown", componentIds: ["Messaging","Workspace/Org Administration"], revision: "2026-08-17T21:57:51.000Z:minor", message: "We're continuing our restoration efforts regarding this issue affecting a subset of channels with custom message retention settings. While we work to resolve this issue, data retention processing remains paused for affected customers.\n\nWe will provide another update as additional information becomes available.", updatedAt: "2026-08-17T21:57:51.000Z", startedAt: "2026-08-13T21:21:41.000Z", url: "https://slack-status.com/2026-08/e07b9271f0346c3b"},
    ],
    components: [
      ["Messaging", "Messaging", "degraded"],
      ["Workspace/Org Administration", "Workspace/Org Administration", "degraded"],
    ],
  },
  'real/slack/slack-status-v2-current-ok-2021-06-04.json': {
    indicator: 'none',
    page: {name: "Slack", url: "https://slack-status.com/"},
    notices: [],
    components: [],
  },
  'docs/incidentio-statuspage-compat-summary-operational-from-docs.json': {
    indicator: 'none',
    page: {name: "OpenAI", url: "https://status.openai.com/"},
    notices: [],
    components: [
      ["01HM3E28JT97KB6CQ643DZVMXX", "APIs", "operational"],
      ["01HMQKFBF5KZNWJ47TAN9ZT24M", "ChatGPT", "operational"],
      ["01HMNPZX45HY43KWJRP1XPA7Z3", "Sora", "operational"],
      ["01HMDJ8FSSZ5AWSH8VHTPRE95B", "Playground", "operational"],
      ["01HM9EE0ZBGJ09TQM83XSSSS6Y", "Labs", "operational"],
    ],
  },
  'docs/incidentio-statuspage-compat-summary-outage-from-docs.json': {
    indicator: 'major',
    page: {name: "OpenAI", url: "https://status.openai.com/"},
    notices: [
      {id: "01JXS3C4DWA7N36096Q14DR9GP", kind: "incident", title: "Elevated error rates for ChatGPT and the API", severity: "major", phase: "identified", componentIds: [], revision: "01JX5GQAPENECFSECZP11HYGCP:major", message: "We have identified the cause of the elevated error rates and are rolling out a fix. Some users may still see “Something went wrong” in ChatGPT.\n\nIf errors persist, please contact our support team and include the time you saw them.", updatedAt: "2025-06-10T14:32:07.000Z", startedAt: "2025-06-10T13:05:41.000Z", url: "https://status.openai.com/incidents/01JXS3C4DWA7N36096Q14DR9GP"},
      {id: "01JXQY77ZXYYK596NGYA1DQ91K", kind: "incident", title: "Support chat unavailable", severity: "none", phase: "investigating", componentIds: [], revision: "01JXN5SXS5AA819X9YP981068V:none", message: "Our support chat is unavailable. You can still reach us by email.\n\nWe’ll post an update here once it’s back.", updatedAt: "2025-06-10T12:48:19.000Z", startedAt: "2025-06-10T12:48:19.000Z", url: "https://status.openai.com/incidents/01JXQY77ZXYYK596NGYA1DQ91K"},
    ],
    components: [
      ["01HM3E28JT97KB6CQ643DZVMXX", "APIs", "partial_outage"],
      ["01HMQKFBF5KZNWJ47TAN9ZT24M", "ChatGPT", "degraded"],
      ["01HMNPZX45HY43KWJRP1XPA7Z3", "Sora", "operational"],
      ["01HMDJ8FSSZ5AWSH8VHTPRE95B", "Playground", "operational"],
      ["01HM9EE0ZBGJ09TQM83XSSSS6Y", "Labs", "operational"],
    ],
  },
  'docs/incidentio-widget-summary-incident-and-maintenance-from-docs.json': {
    indicator: 'critical',
    page: {name: "Acme Cloud", url: "https://status.acme.example/"},
    notices: [
      {id: "01JD20A8T3Y6N1C4F7J0M2P5RS", kind: "incident", title: "Login unavailable in one region", severity: "critical", phase: "investigating", componentIds: ["01JCK3QE2F3G4H5J6K7L8M9N0P"], revision: "2026-11-22T10:30:00.000Z:critical", message: "We are investigating failed logins in eu-west.", updatedAt: "2026-11-22T10:30:00.000Z", url: "https://status.acme.example/incidents/01JD20A8T3Y6N1C4F7J0M2P5RS"},
      {id: "01JD1ZQ3C9H0A7M5W2R8X6T4KB", kind: "incident", title: "Elevated error rates on the API", severity: "major", phase: "identified", componentIds: ["01JCK3Q5Z2X8W9V7T6S5R4P3N2", "01JCK3Q7A1B2C3D4E5F6G7H8J9"], revision: "2026-11-22T10:40:11.000Z:major", message: "We found the cause and are rolling out a fix.\n\nWebhooks are delayed meanwhile; see our runbook.", updatedAt: "2026-11-22T10:40:11.000Z", url: "https://status.acme.example/incidents/01JD1ZQ3C9H0A7M5W2R8X6T4KB"},
      {id: "01JD0K8W5X2Z9B6D3F0H7K4M1Q", kind: "maintenance", title: "Database upgrade", severity: "maintenance", phase: "in_progress", componentIds: ["01JCK3QBKM4N5P6Q7R8S9T0V1W"], revision: "2026-11-22T10:00:00.000Z:maintenance", message: "The upgrade has started.", updatedAt: "2026-11-22T10:00:00.000Z", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T12:00:00.000Z", url: "https://status.acme.example/incidents/01JD0K8W5X2Z9B6D3F0H7K4M1Q"},
      {id: "01JD0M3R6T9V2X5Z8B1D4F7H0K", kind: "maintenance", title: "Network maintenance", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "2026-11-20T09:00:00.000Z:maintenance", updatedAt: "2026-11-20T09:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T03:00:00.000Z", url: "https://status.acme.example/incidents/01JD0M3R6T9V2X5Z8B1D4F7H0K"},
    ],
    components: [
      ["group:Core platform", "Core platform", "unknown", ["01JCK3Q5Z2X8W9V7T6S5R4P3N2", "01JCK3Q7A1B2C3D4E5F6G7H8J9"]],
      ["01JCK3Q5Z2X8W9V7T6S5R4P3N2", "API", "partial_outage", "group:Core platform"],
      ["01JCK3Q7A1B2C3D4E5F6G7H8J9", "Webhooks", "degraded", "group:Core platform"],
      ["01JCK3QE2F3G4H5J6K7L8M9N0P", "Login", "major_outage"],
      ["01JCK3QBKM4N5P6Q7R8S9T0V1W", "Managed databases", "maintenance"],
    ],
  },
  'docs/incidentio-widget-summary-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Acme Cloud", url: "https://status.acme.example/"},
    notices: [],
    components: [],
  },
  'docs/instatus-v1-summary-incident-and-maintenance-from-docs.json': {
    indicator: 'critical',
    page: {name: "Instatus", url: "https://instat.us/"},
    notices: [
      {id: "cl4a8n3070721qtmzvts760c4", kind: "incident", title: "We're facing an issue with our API", severity: "critical", phase: "investigating", componentIds: [], revision: "INVESTIGATING:MAJOROUTAGE:", updatedAt: "2026-11-22T09:55:50.000Z", startedAt: "2026-11-22T09:55:50.000Z", url: "https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4"},
      {id: "cl4a9q1x20822qtmz1b2c3d4e", kind: "incident", title: "Slow dashboard", severity: "minor", phase: "monitoring", componentIds: [], revision: "MONITORING:DEGRADEDPERFORMANCE:", updatedAt: "2026-11-22T10:20:00.000Z", startedAt: "2026-11-22T10:20:00.000Z", url: "https://testing-widget.instatus.com/incident/cl4a9q1x20822qtmz1b2c3d4e"},
      {id: "cl4a8nlv50918qtmzdlw60ivu", kind: "maintenance", title: "Database maintenance", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "INPROGRESS:", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T12:00:00.000Z", url: "https://testing-widget.instatus.com/maintenance/cl4a8nlv50918qtmzdlw60ivu"},
      {id: "cl4b0aa1k0001qtmzq9r8s7t6", kind: "maintenance", title: "Cache cluster upgrade", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "NOTSTARTEDYET:", startedAt: "2026-11-23T02:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T03:00:00.000Z", url: "https://testing-widget.instatus.com/maintenance/cl4b0aa1k0001qtmzq9r8s7t6"},
    ],
    components: [],
  },
  'docs/instatus-v1-summary-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Instatus", url: "https://instat.us/"},
    notices: [],
    components: [],
  },
  'docs/instatus-v3-summary-incident-and-maintenance-from-docs.json': {
    indicator: 'major',
    page: {name: "Acme", url: "https://status.acme.example/"},
    notices: [
      {id: "cm3xk1y2z0001ab12cd34ef56", kind: "incident", title: "Checkout errors", severity: "major", phase: "identified", componentIds: [], revision: "IDENTIFIED:PARTIALOUTAGE:2026-11-22T10:41:00.000Z", updatedAt: "2026-11-22T10:41:00.000Z", startedAt: "2026-11-22T09:55:00.000Z", url: "https://status.acme.example/incident/cm3xk1y2z0001ab12cd34ef56"},
      {id: "cm3xk9a8b0002ab12cd34ef56", kind: "maintenance", title: "Search reindex", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "INPROGRESS:2026-11-22T10:00:00.000Z", updatedAt: "2026-11-22T10:00:00.000Z", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T11:30:00.000Z", url: "https://status.acme.example/maintenance/cm3xk9a8b0002ab12cd34ef56"},
      {id: "cm3xkc3d40003ab12cd34ef56", kind: "maintenance", title: "Payment provider switch", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "NOTSTARTEDYET:2026-11-21T16:00:00.000Z", updatedAt: "2026-11-21T16:00:00.000Z", startedAt: "2026-11-23T01:30:00.000Z", scheduledStart: "2026-11-23T01:30:00.000Z", scheduledEnd: "2026-11-23T02:15:00.000Z", url: "https://status.acme.example/maintenance/cm3xkc3d40003ab12cd34ef56"},
    ],
    components: [
      ["group:cm3xg0001", "Store", "unknown", ["cm3xa0001", "cm3xa0002"]],
      ["cm3xa0001", "Checkout", "partial_outage", "group:cm3xg0001"],
      ["cm3xa0002", "Search", "maintenance", "group:cm3xg0001"],
      ["cm3xa0003", "API", "operational"],
    ],
  },
  'docs/instatus-v3-summary-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Acme", url: "https://status.acme.example/"},
    notices: [],
    components: [],
  },
  'docs/betterstack-index-incident-and-maintenance-from-docs.json': {
    indicator: 'minor',
    page: {name: "Acme Cloud", url: "https://status.acme.example/"},
    notices: [
      {id: "5001", kind: "incident", title: "API latency", severity: "minor", phase: "unknown", componentIds: ["101"], revision: "2026-11-22T10:38:00.000Z:minor", message: "A fix is rolling out; latency is recovering.", updatedAt: "2026-11-22T10:38:00.000Z", startedAt: "2026-11-22T09:55:00.000Z"},
      {id: "5002", kind: "maintenance", title: "Database maintenance", severity: "maintenance", phase: "in_progress", componentIds: ["102"], revision: "2026-11-22T10:00:00.000Z:maintenance", message: "Maintenance has started.", updatedAt: "2026-11-22T10:00:00.000Z", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T12:00:00.000Z"},
      {id: "5003", kind: "maintenance", title: "Network upgrade", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "2026-11-20T12:00:00.000Z:maintenance", message: "Planned network upgrade; short interruptions possible.", updatedAt: "2026-11-20T12:00:00.000Z", startedAt: "2026-11-23T02:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T03:00:00.000Z"},
      {id: "announcement", kind: "incident", title: "Support hours change on 1 December.", severity: "none", phase: "unknown", componentIds: [], revision: "Support hours change on 1 December.", message: "Support hours change on 1 December."},
    ],
    components: [
      ["group:21", "Core", "unknown", ["101", "102"]],
      ["group:22", "group:22", "unknown", ["103"]],
      ["101", "API", "degraded", "group:21"],
      ["102", "Database", "maintenance", "group:21"],
      ["103", "Webhooks", "operational", "group:22"],
    ],
  },
  'docs/betterstack-index-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Acme Cloud", url: "https://status.acme.example/"},
    notices: [],
    components: [
      ["group:21", "Core", "unknown", ["101", "102"]],
      ["group:22", "group:22", "unknown", ["103"]],
      ["101", "API", "operational", "group:21"],
      ["102", "Database", "operational", "group:21"],
      ["103", "Webhooks", "operational", "group:22"],
    ],
  },
  'docs/betterstack-index-resolved-report-with-null-ends-at-from-docs.json': {
    indicator: 'none',
    page: {name: "Acme Cloud", url: "https://status.acme.example/"},
    notices: [],
    components: [
      ["group:31", "Data processing", "unknown", ["201", "202"]],
      ["201", "Ingestion (EU)", "operational", "group:31"],
      ["202", "Ingestion (US)", "operational", "group:31"],
    ],
  },
  'docs/cachet-2x-incidents-schedules-components-from-docs.json': {
    indicator: 'major',
    page: {},
    notices: [
      {id: "12", kind: "incident", title: "API errors", severity: "major", phase: "identified", componentIds: ["1"], revision: "2026-11-22T10:40:11.000Z:major", message: "We have identified the cause of elevated API errors.", updatedAt: "2026-11-22T10:40:11.000Z", startedAt: "2026-11-22T09:55:00.000Z", url: "https://status.acme.example/incidents/12"},
      {id: "11", kind: "incident", title: "Mail delays", severity: "minor", phase: "monitoring", componentIds: ["3"], revision: "2026-11-22T10:05:00.000Z:minor", message: "Mail is flowing again; we are watching queues.", updatedAt: "2026-11-22T10:05:00.000Z", startedAt: "2026-11-22T08:00:00.000Z", url: "https://status.acme.example/incidents/11"},
      {id: "schedule-3", kind: "maintenance", title: "Database upgrade", severity: "maintenance", phase: "in_progress", componentIds: ["1"], revision: "2026-11-22T10:00:00.000Z:maintenance", message: "Upgrading the primary database.", updatedAt: "2026-11-22T10:00:00.000Z", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T12:00:00.000Z"},
      {id: "schedule-4", kind: "maintenance", title: "Mail server move", severity: "maintenance", phase: "scheduled", componentIds: ["3"], revision: "2026-11-20T09:00:00.000Z:maintenance", message: "Moving mail to new hardware.", updatedAt: "2026-11-20T09:00:00.000Z", startedAt: "2026-11-23T02:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T03:00:00.000Z"},
    ],
    components: [
      ["group:1", "group:1", "unknown", ["1", "2"]],
      ["1", "API", "partial_outage", "group:1"],
      ["2", "Website", "operational", "group:1"],
      ["3", "Mail", "degraded"],
    ],
  },
  'docs/cachet-2x-incidents-all-clear-from-docs.json': {
    indicator: 'none',
    page: {},
    notices: [],
    components: [
      ["group:1", "group:1", "unknown", ["1", "2"]],
      ["1", "API", "operational", "group:1"],
      ["2", "Website", "operational", "group:1"],
      ["3", "Mail", "operational"],
    ],
  },
  'docs/cachet-3x-incidents-schedules-components-from-docs.json': {
    indicator: 'critical',
    page: {},
    notices: [
      {id: "31", kind: "incident", title: "Checkout failing", severity: "critical", phase: "investigating", componentIds: ["7"], revision: "2026-11-22T10:42:00.000Z:critical", message: "Payments are failing for some cards.", updatedAt: "2026-11-22T10:42:00.000Z", startedAt: "2026-11-22T09:55:00.000Z"},
      {id: "30", kind: "incident", title: "Status unknown", severity: "minor", phase: "unknown", componentIds: [], revision: "2026-11-22T06:00:00.000Z:minor", message: "Imported incident.", updatedAt: "2026-11-22T06:00:00.000Z", startedAt: "2026-11-22T06:00:00.000Z"},
      {id: "schedule-5", kind: "maintenance", title: "Warehouse sync pause", severity: "maintenance", phase: "in_progress", componentIds: ["8"], revision: "2026-11-22T11:00:00.000Z:maintenance", message: "Inventory sync is paused.", updatedAt: "2026-11-22T11:00:00.000Z", startedAt: "2026-11-22T11:00:00.000Z", scheduledStart: "2026-11-22T11:00:00.000Z", scheduledEnd: "2026-11-22T13:00:00.000Z"},
      {id: "schedule-6", kind: "maintenance", title: "CDN provider change", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "2026-11-20T09:00:00.000Z:maintenance", message: "Switching CDN.", updatedAt: "2026-11-20T09:00:00.000Z", startedAt: "2026-11-23T03:00:00.000Z", scheduledStart: "2026-11-23T03:00:00.000Z", scheduledEnd: "2026-11-23T04:00:00.000Z"},
    ],
    components: [
      ["group:2", "Shop", "unknown", ["7", "8"]],
      ["7", "Checkout", "major_outage", "group:2"],
      ["8", "Inventory", "maintenance", "group:2"],
      ["9", "Blog", "operational"],
    ],
  },
  'docs/cachet-3x-incidents-all-clear-from-docs.json': {
    indicator: 'none',
    page: {},
    notices: [],
    components: [
      ["group:2", "group:2", "unknown", ["7", "8"]],
      ["7", "Checkout", "operational", "group:2"],
      ["8", "Inventory", "operational", "group:2"],
      ["9", "Blog", "operational"],
    ],
  },
  'docs/cachet-24-incidents-with-updates-schedules-components-from-docs.json': {
    indicator: 'major',
    page: {},
    notices: [
      {id: "41", kind: "incident", title: "API errors", severity: "major", phase: "identified", componentIds: ["1"], revision: "54:major", message: "A faulty deploy is the cause; we are rolling it back.\n\nWebhooks may be delayed.", updatedAt: "2026-11-22T10:41:07.000Z", startedAt: "2026-11-22T09:50:00.000Z", url: "https://status.acme.example/incidents/41"},
      {id: "39", kind: "incident", title: "Website slow", severity: "minor", phase: "investigating", componentIds: ["2"], revision: "2026-11-22T10:30:00.000Z:minor", message: "The website is slow for some visitors.", updatedAt: "2026-11-22T10:30:00.000Z", startedAt: "2026-11-22T10:30:00.000Z", url: "https://status.acme.example/incidents/39"},
      {id: "schedule-8", kind: "maintenance", title: "Search index rebuild", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "2026-11-22T10:00:00.000Z:maintenance", message: "Search results may be incomplete while the index is rebuilt.", updatedAt: "2026-11-22T10:00:00.000Z", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z"},
      {id: "schedule-9", kind: "maintenance", title: "Database upgrade", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "2026-11-20T09:00:00.000Z:maintenance", message: "The database is upgraded; writes pause for a few minutes.", updatedAt: "2026-11-20T09:00:00.000Z", startedAt: "2026-11-23T02:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z"},
    ],
    components: [
      ["1", "API", "partial_outage"],
      ["2", "Website", "degraded"],
      ["3", "Mail", "operational"],
    ],
  },
  'docs/cachet-3x-incidents-with-included-updates-from-docs.json': {
    indicator: 'major',
    page: {},
    notices: [
      {id: "33", kind: "incident", title: "Checkout failing", severity: "major", phase: "identified", componentIds: ["7"], revision: "72:major", message: "A card processor is failing; we are switching to a backup.", updatedAt: "2026-11-22T10:42:00.000Z", startedAt: "2026-11-22T09:55:00.000Z"},
    ],
    components: [
      ["7", "Checkout", "partial_outage"],
      ["8", "Inventory", "operational"],
    ],
  },
  'docs/uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json': {
    indicator: 'major',
    page: {name: "Acme status"},
    notices: [
      {id: "7", kind: "incident", title: "API outage", severity: "major", phase: "unknown", componentIds: [], revision: "2026-11-22T10:41:30.000Z:major", message: "The API is down for some users.\n\nWe are on it.", updatedAt: "2026-11-22T10:41:30.000Z", startedAt: "2026-11-22T09:58:00.000Z"},
      {id: "monitors", kind: "incident", title: "Partially Degraded Service", severity: "major", phase: "unknown", componentIds: ["2"], revision: "2:major", message: "Down: API", updatedAt: "2026-11-22T09:55:00.301Z", startedAt: "2026-11-22T09:55:00.301Z"},
      {id: "maintenance-4", kind: "maintenance", title: "NAS disk replacement", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "under-maintenance:2026-11-22T10:00:00.000Z", message: "Replacing a disk; the NAS may be slow.", startedAt: "2026-11-22T10:00:00.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T12:00:00.000Z"},
      {id: "maintenance-5", kind: "maintenance", title: "Nightly backup window", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "scheduled:2026-11-23T02:00:00.000Z", message: "Backups run; the website may be slow.", startedAt: "2026-11-23T02:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T03:00:00.000Z"},
      {id: "6", kind: "incident", title: "New status page", severity: "none", phase: "unknown", componentIds: [], revision: "2026-11-20T12:00:00.000Z:none", message: "Welcome to our new page.", updatedAt: "2026-11-20T12:00:00.000Z", startedAt: "2026-11-20T12:00:00.000Z"},
    ],
    components: [
      ["group:1", "Services", "unknown", ["1", "2"]],
      ["group:2", "Storage", "unknown", ["3"]],
      ["1", "Website", "operational", "group:1"],
      ["2", "API", "major_outage", "group:1"],
      ["3", "NAS", "maintenance", "group:2"],
    ],
  },
  'docs/uptimekuma-2x-status-page-with-heartbeat-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Acme status"},
    notices: [],
    components: [
      ["group:1", "Services", "unknown", ["1", "2"]],
      ["group:2", "Storage", "unknown", ["3"]],
      ["1", "Website", "operational", "group:1"],
      ["2", "API", "operational", "group:1"],
      ["3", "NAS", "operational", "group:2"],
    ],
  },
  'docs/uptimekuma-1x-status-page-incident-from-docs.json': {
    indicator: 'minor',
    page: {name: "Acme status"},
    notices: [
      {id: "3", kind: "incident", title: "Degraded NAS", severity: "minor", phase: "unknown", componentIds: [], revision: "2026-11-22T10:10:00.000Z:minor", message: "Reads are slow.", updatedAt: "2026-11-22T10:10:00.000Z", startedAt: "2026-11-22T10:10:00.000Z"},
    ],
    components: [
      ["group:1", "Services", "unknown", ["1", "2"]],
      ["group:2", "Storage", "unknown", ["3"]],
      ["1", "Website", "unknown", "group:1"],
      ["2", "API", "unknown", "group:1"],
      ["3", "NAS", "unknown", "group:2"],
    ],
  },
  'docs/statusio-upcoming-maintenance-from-docs.json': {
    indicator: 'none',
    page: {},
    notices: [
      {id: "6380a1b2c3d4e5f601234567", kind: "maintenance", title: "Mobile backend upgrade", severity: "maintenance", phase: "scheduled", componentIds: ["61ae3d57e3e33c05d23d5249"], revision: "2026-11-20T09:00:00.000Z:maintenance", message: "We will upgrade the mobile backend.\n\nThe app may be unavailable for a few minutes.", updatedAt: "2026-11-20T09:00:00.000Z", startedAt: "2026-11-20T09:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T04:00:00.000Z"},
    ],
    components: [
      ["5a89ef6740eba40d1c3bb4a8", "Website", "operational"],
      ["61ae3d57e3e33c05d23d5249", "Mobile App", "operational"],
    ],
  },
  'docs/statusio-all-clear-from-docs.json': {
    indicator: 'none',
    page: {},
    notices: [],
    components: [
      ["5a89ef6740eba40d1c3bb4a8", "Website", "operational"],
      ["61ae3d57e3e33c05d23d5249", "Mobile App", "operational"],
    ],
  },
  'docs/openstatus-status-operational-from-docs.json': {
    indicator: 'none',
    page: {},
    notices: [],
    components: [],
  },
  'docs/openstatus-status-degraded-performance-from-docs.json': {
    indicator: 'minor',
    page: {},
    notices: [
      {id: "status", kind: "incident", title: "Degraded performance", severity: "minor", phase: "unknown", componentIds: [], revision: "degraded_performance"},
    ],
    components: [],
  },
  'docs/openstatus-status-under-maintenance-from-docs.json': {
    indicator: 'maintenance',
    page: {},
    notices: [
      {id: "status", kind: "maintenance", title: "Under maintenance", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "under_maintenance"},
    ],
    components: [],
  },
  'docs/openstatus-status-incident-from-docs.json': {
    indicator: 'minor',
    page: {},
    notices: [
      {id: "status", kind: "incident", title: "Ongoing incident", severity: "minor", phase: "unknown", componentIds: [], revision: "incident"},
    ],
    components: [],
  },
  'docs/sorry-page-incident-and-maintenance-from-docs.json': {
    indicator: 'major',
    page: {name: "Example Inc.", url: "https://status.example-inc.com/"},
    notices: [
      {id: "198801", kind: "incident", title: "Web app unavailable for some users", severity: "major", phase: "identified", componentIds: ["501"], revision: "2026-11-22T10:39:00.000Z:major", message: "We have identified a faulty load balancer and are replacing it.", updatedAt: "2026-11-22T10:39:00.000Z", startedAt: "2026-11-22T09:55:00.000Z", url: "https://status.example-inc.com/notices/8jctnh1ykjlxuv3r-web-app-unavailable"},
      {id: "198802", kind: "maintenance", title: "Notification service maintenance", severity: "maintenance", phase: "in_progress", componentIds: ["503"], revision: "2026-11-22T10:00:05.000Z:maintenance", message: "Notifications are queued during the maintenance.", updatedAt: "2026-11-22T10:00:05.000Z", startedAt: "2026-11-22T10:00:05.000Z", scheduledStart: "2026-11-22T10:00:00.000Z", scheduledEnd: "2026-11-22T11:00:00.000Z", url: "https://status.example-inc.com/notices/b2qhnprhj1z6tsvk-notification-maintenance"},
      {id: "198803", kind: "maintenance", title: "Login provider migration", severity: "maintenance", phase: "scheduled", componentIds: ["502"], revision: "2026-11-20T12:00:00.000Z:maintenance", message: "Login will be briefly unavailable.", updatedAt: "2026-11-20T12:00:00.000Z", scheduledStart: "2026-11-23T02:00:00.000Z", scheduledEnd: "2026-11-23T02:30:00.000Z", url: "https://status.example-inc.com/notices/c3rjoqsik2a7uwtl-login-migration"},
    ],
    components: [
      ["501", "Web app", "partial_outage", ["502"]],
      ["502", "Login", "degraded", "501"],
      ["503", "Notifications", "operational"],
    ],
  },
  'docs/sorry-page-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Example Inc.", url: "https://status.example-inc.com/"},
    notices: [],
    components: [
      ["501", "Web app", "operational", ["502"]],
      ["502", "Login", "operational", "501"],
      ["503", "Notifications", "operational"],
    ],
  },
  'docs/heroku-current-status-maintenance-in-progress-and-upcoming-from-docs.json': {
    indicator: 'maintenance',
    page: {name: "Heroku", url: "https://status.heroku.com/"},
    notices: [
      {id: "2301", kind: "maintenance", title: "Data Service Update on Sunday, November 22 at 10:00 UTC", severity: "maintenance", phase: "in_progress", componentIds: [], revision: "7101:maintenance", message: "The scheduled service update is now underway.\n\nWe'll post more updates as necessary.", updatedAt: "2026-11-22T10:01:00.000Z", startedAt: "2026-11-22T10:01:00.000Z", url: "https://status.heroku.com/incidents/2301"},
      {id: "2302", kind: "maintenance", title: "Dashboard maintenance on Monday, November 23 at 02:00 UTC", severity: "maintenance", phase: "scheduled", componentIds: [], revision: "7095:maintenance", message: "On Monday, November 23, at 02:00 UTC, the Heroku Dashboard will be unavailable for up to 30 minutes.", updatedAt: "2026-11-20T10:00:00.000Z", url: "https://status.heroku.com/incidents/2302"},
    ],
    components: [
      ["Apps", "Apps", "operational"],
      ["Data", "Data", "maintenance"],
      ["Tools", "Tools", "operational"],
    ],
  },
  'docs/heroku-current-status-all-clear-from-docs.json': {
    indicator: 'none',
    page: {name: "Heroku", url: "https://status.heroku.com/"},
    notices: [],
    components: [
      ["Apps", "Apps", "operational"],
      ["Data", "Data", "operational"],
      ["Tools", "Tools", "operational"],
    ],
  },
  'docs/slack-current-notice-and-outage-from-docs.json': {
    indicator: 'major',
    page: {name: "Slack", url: "https://slack-status.com/"},
    notices: [
      {id: "1600", kind: "incident", title: "Messages fail to send", severity: "major", phase: "unknown", componentIds: ["Messaging", "Apps/Integrations/APIs"], revision: "2026-11-22T10:40:00.000Z:major", message: "We've found the cause and are rolling out a fix.\nMessages should send again shortly.", updatedAt: "2026-11-22T10:40:00.000Z", startedAt: "2026-11-22T09:55:00.000Z", url: "https://slack-status.com/2026-11/1a2b3c4d5e6f7a8b"},
      {id: "1599", kind: "maintenance", title: "Scheduled maintenance for workspace exports", severity: "maintenance", phase: "scheduled", componentIds: ["Workspace/Org Administration"], revision: "2026-11-20T17:00:00.000Z:maintenance", message: "Exports will be paused on November 23 from 02:00 to 03:00 UTC.", updatedAt: "2026-11-20T17:00:00.000Z", startedAt: "2026-11-20T17:00:00.000Z", url: "https://slack-status.com/2026-11/9f8e7d6c5b4a3f2e"},
    ],
    components: [
      ["Messaging", "Messaging", "major_outage"],
      ["Apps/Integrations/APIs", "Apps/Integrations/APIs", "major_outage"],
      ["Workspace/Org Administration", "Workspace/Org Administration", "maintenance"],
    ],
  },
  'docs/slack-current-ok-from-docs.json': {
    indicator: 'none',
    page: {name: "Slack", url: "https://slack-status.com/"},
    notices: [],
    components: [],
  },
};

const rows = (snapshot: StatusSnapshot): Row[] =>
  snapshot.components.map(({ id, name, status, groupId, childIds }) => [id, name, status, ...(groupId ? [groupId] : childIds ? [childIds] : [])] as Row);

describe('providers: every fixture, read in full', () => {
  it('lists every fixture once, and every fixture has its expectation', () => {
    expect(new Set(FIXTURES.map((f) => f.ref)).size).to.equal(FIXTURES.length);
    expect(Object.keys(EXPECTED).sort()).to.deep.equal(FIXTURES.map((f) => f.ref).sort());
    // Every provider is covered, each by a fixture with a notice and one without.
    const ids = builtInSources.map((s) => s.id).filter((id) => id !== 'native');
    for (const id of ids) {
      const own = FIXTURES.filter((f) => f.provider === id);
      expect(own.some((f) => EXPECTED[f.ref]!.notices.length), `${id} with a notice`).to.equal(true);
      expect(own.some((f) => !EXPECTED[f.ref]!.notices.length), `${id} all clear`).to.equal(true);
    }
  });

  it('every source: markup, references and whitespace planted in every sentence of every fixture leave only text', async () => {
    // Every string with a space in it (titles, messages, and names and naive times too, which then read as none).
    const plant = (value: Json): Json =>
      typeof value === 'string' && value.includes(' ')
        ? `<p>${value}&nbsp;&amp;amp; <b>x</b>\r\n\r\n\r\n\t</p><script>alert(1)</script>&lt;i&gt;`
        : Array.isArray(value)
          ? value.map(plant)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plant(v)]))
            : value;
    let read = 0;
    for (const fixture of FIXTURES) {
      const snapshot = parseStatus(plant(payloadOf(fixture, await loadFixture(fixture.ref))), { now: new Date(fixture.now) });
      for (const { id, title, message } of snapshot.notices) {
        read += 1;
        expect(plainTextProblem(title, true), `${fixture.ref} ${id} title`).to.equal(undefined);
        if (message !== undefined) expect(plainTextProblem(message, false), `${fixture.ref} ${id} message`).to.equal(undefined);
      }
    }
    expect(read).to.be.above(40);
    const htx = parseStatus(plant(await loadFixture('real/statuspage/htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json')), {
      now: new Date('2020-02-11T03:16:31Z'),
    });
    expect(htx.notices[0]).to.include({ title: 'Market data is delayed & x <\u2060i>', message: 'Market data is delayed & x\n\n<\u2060i>' });
  });

  it('every snapshot, read back as a client stores and shares it (the native format), is the same snapshot', async () => {
    // Its titles and messages are plain text already: flattening them again changes nothing.
    for (const fixture of FIXTURES) {
      const at = { now: new Date(fixture.now) };
      const snapshot = parseStatus(payloadOf(fixture, await loadFixture(fixture.ref)), at);
      const reread = parseStatus(JSON.parse(JSON.stringify(snapshot)), { ...at, provider: 'native' });
      expect({ ...reread, provider: snapshot.provider }, fixture.ref).to.deep.equal(snapshot);
    }
  });

  for (const fixture of FIXTURES) {
    const { ref, provider, now } = fixture;
    it(`${ref}: detected as ${provider} by that source alone, read as expected`, async () => {
      const payload = payloadOf(fixture, await loadFixture(ref));
      // Exactly one source claims it, so detection order decides nothing.
      expect(builtInSources.filter((s) => s.detect(payload)).map((s) => s.id)).to.deep.equal([provider]);
      const snapshot = parseStatus(payload, { now: new Date(now) });
      const expected = EXPECTED[ref]!;
      expect(snapshot.provider).to.equal(provider);
      expect(snapshot.notices).to.deep.equal(expected.notices);
      expect(snapshot.indicator).to.equal(expected.indicator);
      expect(snapshot.page).to.deep.equal(expected.page);
      expect(rows(snapshot)).to.deep.equal(expected.components);
      // Named, the same.
      expect(parseStatus(payload, { now: new Date(now), provider })).to.deep.equal(snapshot);
      // From the JSON text too.
      expect(parseStatus(JSON.stringify(payload), { now: new Date(now) })).to.deep.equal(snapshot);
    });
  }
});
