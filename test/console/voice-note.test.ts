import {expect} from '@open-wc/testing';
import {openConversation, perTest, until, visitor} from './kit.js';

/** A second of the fake microphone (Chromium's tone), recorded as the widget records a voice note. */
async function recordNote(): Promise<Blob> {
  const stream = await navigator.mediaDevices.getUserMedia({audio: true});
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  recorder.stop();
  await stopped;
  for (const track of stream.getTracks()) track.stop();
  return new Blob(chunks, {type: recorder.mimeType});
}

// A visitor's voice note (MediaRecorder's WebM/Opus, as the widget sends it) plays in the console,
// named with its size.
describe('console: voice notes', function () {
  this.timeout(60000);
  const t = perTest();

  it('plays a recorded voice note and names it with its size', async () => {
    const alex = await visitor(t.server, 'Alex');
    const note = await recordNote();
    await alex.upload(note, 'voice-message-20261206031500.webm');
    await openConversation(t, alex.conversationId, 1);
    const audio = t.$<HTMLAudioElement>('.msg.in audio')!;
    expect(audio.controls).to.equal(true);
    await until(() => audio.readyState >= 1, 'the audio metadata');
    expect(t.$('.msg.in figcaption')!.textContent).to.match(/^voice-message-20261206031500\.webm · [\d.]+ KB$/);
  });
});
