/** Authorship: is this commit Claude's (or another coding agent's), and why. Pure, no I/O. */
export { detectAuthorship, type AuthorshipOptions } from "./detect.js";
export { compileMarkers } from "./markers.js";
export { AGENT_IDS, AGENT_PROFILES, CLAUDE_AGENT, type AgentProfile, type IdentityPattern } from "./profiles.js";
