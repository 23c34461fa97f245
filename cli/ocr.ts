// Image → text for `wxerr scan <image>`. Owned by the scan/OCR work (issue 4): tesseract.js with bundled
// language data, after preprocessing. Until that lands, image input is refused with a clear message.
export function isImage(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

export async function ocrImage(_bytes: Uint8Array): Promise<string> {
  throw new Error('image scanning is not available in this build yet; paste the text instead');
}
