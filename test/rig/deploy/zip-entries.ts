/**
 * Names of the files in a zip, read from its central directory: enough to check what a function's package holds
 * without a zip library in the dependencies. It reads plain zips as osls writes them; zip64 is out of scope, since
 * a Lambda package that needs it is far over Lambda's size limit anyway.
 */

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_HEADER_SIZE = 46;

/** The entry names, sorted. */
function zipEntryNames(zip: Buffer): string[] {
  // Searched from the end: the record closes the file, followed only by an optional comment.
  const end = zip.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  const count = zip.readUInt16LE(end + 10);
  const names: string[] = [];
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + CENTRAL_HEADER_SIZE, offset + CENTRAL_HEADER_SIZE + nameLength));
    offset += CENTRAL_HEADER_SIZE + skip;
  }
  return names.sort();
}

export { zipEntryNames };
