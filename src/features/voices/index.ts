export type {
  Channel,
  Contact,
  ContactRoute,
  DeidentifiedVoice,
  HelpGiven,
  Voice,
  WhoseView,
} from './voices.core.ts';
export {
  ADVOCATE_CONSENT_WAYS,
  CHANNELS,
  CONTACT_ROUTES,
  HELP_GIVEN,
  VOICE_MAX_LENGTH,
  WHOSE_VIEW,
  councilMaySee,
  normaliseReferenceCode,
} from './voices.core.ts';
export { labelsFor, voiceLabels } from './voices.labels.ts';
export type { VoiceLabels } from './voices.labels.ts';
export { contactSchema, correctionSchema, onBehalfSchema, voiceText } from './voices.schemas.ts';
export type { ContactInput, CorrectionInput, OnBehalfInput } from './voices.schemas.ts';
export type { Participant, VoiceFacts, VoiceFilters } from './voices.repository.ts';
export {
  currentTexts,
  findContact,
  findParticipant,
  listVoiceFacts,
  listVoiceWords,
  listVoices,
} from './voices.repository.ts';
export type { Answer, PublicSubmission, VoicesView } from './voices.service.ts';
export {
  WITHDRAWAL_REQUESTS,
  addPublicVoices,
  changeContact,
  correctVoice,
  participantByReference,
  recordVoiceOnBehalf,
  submitPublicVoices,
  voiceWithHistory,
  voicesFor,
  withdraw,
} from './voices.service.ts';
export type { VoiceColumns, VoiceFile, VoiceRow } from './voices.import-csv.ts';
export { readVoiceFile } from './voices.import-csv.ts';
export type { VoiceImportSummary } from './voices.import.ts';
export { VoiceImportError, importVoices } from './voices.import.ts';
export { peopleByPerspective } from './people-heard.repository.ts';
