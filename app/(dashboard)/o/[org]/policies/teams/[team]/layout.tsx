// The team guard lives in the layout: see TeamGuardLayout.
export { TeamGuardLayout as default } from "../../../section-layouts";
