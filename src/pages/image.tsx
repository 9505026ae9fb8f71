import { ComingSoon } from '../components/layout/coming-soon';

export function ImagePage() {
  return (
    <ComingSoon
      title="Image"
      intro="Generate and edit images with text-to-image and image-editing providers."
      items={[
        'Prompt, size and count, with the price per image shown before you generate',
        'A verification badge on every result',
      ]}
      for={{ kind: 'inference', what: { 'text-to-image': 'Image generation', 'image-editing': 'Image editing' } }}
    />
  );
}
