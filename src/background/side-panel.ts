// Chrome's side panel: the action keeps its popup (quick-add), and the
// popup opens the panel from the user's click (sidePanel.open needs a
// gesture). Firefox has a sidebar instead, declared in its manifest.
interface SidePanelLike {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export async function keepPopupOnAction(sidePanel: SidePanelLike | undefined): Promise<void> {
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
}
