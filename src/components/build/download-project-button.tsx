import { sdkProject, type SnippetTarget } from '../../lib/snippets';
import { downloadFile } from '../../lib/download';
import { zipStore } from '../../lib/zip';
import { Button } from '../ui/button';

/** Downloads the SDK snippet as a runnable project: `<name>/package.json` and `<name>/index.ts` in `<name>.zip`. */
export function DownloadProjectButton({ target }: { target: SnippetTarget }) {
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => {
        const project = sdkProject(target);
        const zip = zipStore(
          project.files.map((f) => ({ name: `${project.name}/${f.path}`, data: f.text })),
          new Date(),
        );
        downloadFile(`${project.name}.zip`, 'application/zip', zip);
      }}
    >
      Download project
    </Button>
  );
}
