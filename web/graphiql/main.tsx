// GraphiQL for GET /graphql in a browser: the schema's documentation (Docs), history and the
// query editor, talking to POST /graphql on the same server. Bundled from npm, no CDN.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

const defaultQuery = `# Who presided over the Jilin plenary, and who says so?
query Plenary {
  search(text: "Jilin plenary", kinds: [EVENT], first: 1) {
    entity {
      id
      name
      ... on Event {
        participants(role: PRESIDED) {
          person { name aliases }
          capacity { name }
          evidence { quote note source { name publisher url } }
        }
      }
    }
  }
}
`;

const container = document.getElementById('graphiql');
if (container) createRoot(container).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultEditorToolsVisibility />);
