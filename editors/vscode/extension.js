// zonelint for VS Code: starts `zonelint lsp` for zone files (the `zone`
// language of package.json) and leaves the rest to the protocol.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command =
      vscode.workspace.getConfiguration('zonelint').get('path') || 'zonelint';
  client = new LanguageClient(
      'zonelint', 'zonelint', {command, args: ['lsp']},
      {documentSelector: [{scheme: 'file', language: 'zone'}]});
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = {activate, deactivate};
